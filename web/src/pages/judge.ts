import { api, whoAmI } from "../api/client";
import type { components } from "../api/schema";
import type { CurrentUser, JudgeWorklistView, ScoreSheetView, ScoringEntryView, SheetStatus, WorklistEntry } from "../api/types";
import { codeSignIn } from "../codeSignIn";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { formatNumber } from "../format";
import { t, type TextKey } from "../i18n";
import { Outbox, type OutboxItem } from "../outbox";
import { sendOverHttp } from "../outboxSender";
import { retryDelay } from "../retry";
import { mountShell } from "../shell";
import { headJudgeView } from "../judging/headJudge";
import { criterionStepper } from "../judging/stepper";
import { sheetTotal } from "../judging/steps";
import "../judging/judge.css";

// The judge's tablet: the entries assigned to them, and a scoring screen with the entry beside the rubric. Every sheet
// goes through the device's outbox with its own Idempotency-Key, so a sheet scored without Wi-Fi is kept on the tablet
// and sent once when the network returns. The screen always tells what the server holds from what is only here.
// What was last read from the server is kept on the device too, so a judge can go on scoring when the network drops.

const main = mountShell();
main.classList.add("tablet", "judge");

const statusText: Record<SheetStatus, TextKey> = {
  NotStarted: "scoringStatusNotStarted",
  Draft: "scoringStatusDraft",
  Submitted: "scoringStatusSubmitted",
  Corrected: "scoringStatusCorrected",
};

function remembered<T>(key: string): T | undefined {
  try {
    const saved = localStorage.getItem(key);
    return saved ? (JSON.parse(saved) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads from the server and keeps a copy on the device; offline, answers with the copy. */
async function readThrough<T>(key: string, path: string): Promise<T> {
  try {
    const fresh = await api<T>("GET", path);
    localStorage.setItem(key, JSON.stringify(fresh));
    return fresh;
  } catch (error) {
    const copy = remembered<T>(key);
    if (copy === undefined) throw error;
    return copy;
  }
}

function number(value: number): string {
  return formatNumber(value);
}

class JudgeTablet {
  private worklist: JudgeWorklistView | undefined;
  private open: { entry: ScoringEntryView; values: Map<string, number>; comment: string } | undefined;
  /** The head judge's view of every judge's sheets is on screen instead of the worklist. */
  private overseeing = false;
  private readonly title = h("h1", {}, t("scoringWorklist"));
  private readonly headJudge = h("button", { type: "button", class: "secondary", hidden: true, "data-testid": "open-head-judge" }, t("correctionOpenHeadJudge"));
  private readonly outbox: Outbox;
  private readonly message = h("p", { class: "notice", role: "status", hidden: true, "data-testid": "judge-message" });
  private readonly screen = h("section", { "data-testid": "judge-screen" });
  private readonly device = h("section", { class: "panel device-queue", "data-testid": "device-queue" });

  constructor(private readonly user: CurrentUser) {
    this.outbox = new Outbox(`judge.${user.organisation ?? ""}.${user.id ?? ""}`, sendOverHttp, localStorage, {
      changed: () => this.renderDevice(),
      stored: (item, body) => {
        this.say(t("scoringSent", item.label));
        this.serverHas(body as ScoreSheetView);
        void this.refresh();
      },
    });
  }

  async start(): Promise<void> {
    replaceChildren(main,
      h("div", { class: "row spread" }, this.title, this.headJudge, h("span", { "data-testid": "signed-in-as" }, t("signedInAs", this.user.name ?? ""))),
      this.message, this.screen, this.device);
    this.headJudge.addEventListener("click", () => void this.oversee());
    await this.refresh();
    window.addEventListener("online", () => void this.outbox.flush());
    window.addEventListener("offline", () => this.say(t("scoringOffline"), true));
    const retry = (attempt: number) => window.setTimeout(async () => {
      await this.outbox.flush();
      retry(this.outbox.items.some((item) => item.state === "pending") ? attempt + 1 : 0);
    }, retryDelay(attempt));
    retry(0);
    void this.outbox.flush();
  }

  private async refresh(): Promise<void> {
    try {
      this.worklist = await readThrough<JudgeWorklistView>(`judge.worklist.${this.user.id ?? ""}`, "/api/judging/worklist");
    } catch (error) {
      this.say(failureMessage(error, "loadFailed"), true);
      return;
    }
    this.headJudge.hidden = !this.worklist.headJudge || this.overseeing;
    if (!this.open && !this.overseeing) this.renderWorklist();
    this.renderDevice();
    // Every assigned entry is read ahead while there is a network, so it can be scored without one.
    for (const round of this.worklist.rounds) {
      for (const entry of round.entries) void readThrough<ScoringEntryView>(`judge.entry.${entry.entryId}`, this.entryUrl(round.contestId, round.roundId, entry.entryId)).catch(() => undefined);
    }
  }

  /** What the server answered for a sheet replaces what the screen and the device's copy say the server holds. */
  private serverHas(sheet: ScoreSheetView): void {
    const copy = remembered<ScoringEntryView>(`judge.entry.${sheet.entryId}`);
    if (copy) localStorage.setItem(`judge.entry.${sheet.entryId}`, JSON.stringify({ ...copy, sheet }));
    if (this.open?.entry.entryId === sheet.entryId) {
      this.open.entry = { ...this.open.entry, sheet };
      this.renderScoring();
    }
  }

  private entryUrl(contestId: string, roundId: string, entryId: string): string {
    return `/api/contests/${contestId}/rounds/${roundId}/scoring/${entryId}`;
  }

  /** The writes for this entry still on the device. */
  private waiting(entryId: string): OutboxItem[] {
    return this.outbox.items.filter((item) => item.url.includes(`/scoring/${entryId}`));
  }

  private statusOf(entry: WorklistEntry): HTMLElement {
    const waiting = this.waiting(entry.entryId);
    const server = h("span", { class: `status ${entry.status}`, "data-testid": "server-status" }, t(statusText[entry.status]));
    return h("span", { class: "stack tight" }, server,
      waiting.length ? h("span", { class: "status device", "data-testid": "device-status" }, t("scoringOnDeviceOnly")) : null);
  }

  private renderWorklist(): void {
    const list = this.worklist!;
    if (list.rounds.length === 0) {
      replaceChildren(this.screen, h("p", { class: "muted big" }, t("scoringNothingAssigned")));
      return;
    }
    replaceChildren(this.screen, ...list.rounds.map((round) => h("section", { class: "panel" },
      h("div", { class: "row spread" }, h("h2", {}, round.roundName),
        h("span", { "data-testid": "progress" }, t("scoringProgress", round.submitted, round.assigned, round.drafts)),
        round.locked ? h("strong", { class: "error", "data-testid": "locked" }, t("scoringLocked")) : null),
      h("ul", { class: "plain worklist" }, ...round.entries.map((entry) => {
        const button = h("button", { type: "button", class: "secondary entry-button", "data-testid": "worklist-entry", "data-entry": entry.entryId },
          h("span", { class: "code" }, entry.teamCode), h("span", { class: "title" }, entry.title), this.statusOf(entry),
          entry.total != null ? h("span", { class: "total" }, number(entry.total)) : null);
        button.addEventListener("click", () => void this.openEntry(round.contestId, round.roundId, entry.entryId));
        return h("li", {}, button);
      })))));
  }

  /** The head judge's view in place of the worklist, until they go back to their own entries. */
  private async oversee(): Promise<void> {
    this.open = undefined;
    this.overseeing = true;
    this.message.hidden = true;
    this.headJudge.hidden = true;
    this.title.textContent = t("correctionHeadJudge");
    try {
      const me = await api<components["schemas"]["JudgeSelfView"]>("GET", "/api/judging/me");
      await headJudgeView(me.contestId, this.screen, () => {
        this.overseeing = false;
        this.title.textContent = t("scoringWorklist");
        this.renderWorklist();
        void this.refresh();
      });
    } catch (error) {
      this.say(failureMessage(error, "loadFailed"), true);
    }
  }

  private async openEntry(contestId: string, roundId: string, entryId: string): Promise<void> {
    let entry: ScoringEntryView;
    try {
      entry = await readThrough<ScoringEntryView>(`judge.entry.${entryId}`, this.entryUrl(contestId, roundId, entryId));
    } catch (error) {
      this.say(failureMessage(error, "loadFailed"), true);
      return;
    }
    // What this device last queued for the entry wins over the server's copy: it is newer.
    const queued = this.waiting(entryId).at(-1)?.body as { scores?: { code: string; value: number }[]; comment?: string } | undefined;
    const scores = queued?.scores ?? entry.sheet.scores;
    this.open = { entry, values: new Map(scores.map((score) => [score.code, Number(score.value)])), comment: queued?.comment ?? entry.sheet.comment ?? "" };
    this.message.hidden = true;
    this.renderScoring();
  }

  private renderScoring(): void {
    const { entry, values } = this.open!;
    const total = sheetTotal(entry.criteria, values);
    const totalLine = h("p", { class: "big total", "data-testid": "sheet-total" }, t("scoringTotal", number(total), number(Number(entry.maximum))));
    const back = h("button", { type: "button", class: "secondary", "data-testid": "back" }, t("scoringBack"));
    back.addEventListener("click", () => {
      this.open = undefined;
      this.renderWorklist();
      void this.refresh();
    });
    const comment = h("textarea", { name: "comment", rows: 3, "data-testid": "comment" });
    comment.value = this.open!.comment;
    comment.addEventListener("input", () => { this.open!.comment = comment.value; });
    const submitted = entry.sheet.status === "Submitted" || entry.sheet.status === "Corrected";
    const reason = h("input", { name: "reason", placeholder: t("scoringReason"), "data-testid": "reason" });
    const draft = h("button", { type: "button", class: "secondary", "data-testid": "save-draft" }, t("scoringSaveDraft"));
    draft.addEventListener("click", () => this.send("draft"));
    const submit = h("button", { type: "button", class: "primary", "data-testid": "submit-sheet" }, t(submitted ? "scoringCorrect" : "scoringSubmit"));
    submit.addEventListener("click", () => this.send(submitted ? "correction" : "submit", reason.value));
    const waiting = this.waiting(entry.entryId);

    replaceChildren(this.screen,
      h("div", { class: "row spread" }, back, h("h2", { "data-testid": "scoring-entry" }, `${entry.teamCode} · ${entry.title}`)),
      h("p", { "data-testid": "sheet-server" }, t("scoringOnServer", t(statusText[entry.sheet.status]) + (entry.sheet.total != null ? ` · ${number(Number(entry.sheet.total))}` : "")),
        waiting.length ? h("strong", { class: "status device", "data-testid": "sheet-device" }, ` · ${t("scoringOnDeviceOnly")}`) : null),
      entry.lock.locked ? h("p", { class: "notice error" }, t("scoringLocked")) : null,
      h("div", { class: "scoring-layout" },
        h("article", { class: "entry panel" },
          h("h3", {}, t("scoringDescription")),
          entry.field ? h("p", { class: "muted" }, t("scoringField", entry.field)) : null,
          h("p", { class: "description" }, entry.description),
          entry.videoLinks.length ? h("h3", {}, t("scoringVideos")) : null,
          ...entry.videoLinks.map((link) => h("p", {}, h("a", { href: link, target: "_blank", rel: "noopener noreferrer" }, link))),
          entry.files.length ? h("h3", {}, t("scoringFiles")) : null,
          ...entry.files.map((file) => h("p", {}, h("a", { href: file.downloadUrl, download: file.name }, file.name)))),
        h("div", { class: "rubric panel" },
          h("h3", {}, t("scoringRubric")),
          ...entry.criteria.map((criterion) => criterionStepper(criterion, values, () => this.renderScoring())),
          totalLine,
          h("label", { class: "field" }, h("span", { class: "label" }, t("scoringComment")), comment),
          submitted ? reason : null,
          h("div", { class: "row" }, submitted ? null : draft, submit))));
  }

  private send(kind: "draft" | "submit" | "correction", reason = ""): void {
    const { entry, values, comment } = this.open!;
    if (kind !== "draft" && entry.criteria.some((criterion) => !values.has(criterion.code))) {
      this.say(t("scoringIncomplete"), true);
      return;
    }
    const base = this.entryUrl(entry.contestId, entry.roundId, entry.entryId);
    const body = { scores: [...values].map(([code, value]) => ({ code, value })), comment: comment.trim() || null, reason: reason.trim() || null };
    this.outbox.enqueue(kind === "draft"
      ? { method: "PUT", url: `${base}/draft`, body, label: entry.teamCode }
      : kind === "submit"
        ? { method: "POST", url: `${base}/submit`, body, label: entry.teamCode }
        : { method: "POST", url: `${base}/judges/${entry.sheet.judgeId}/correction`, body, label: entry.teamCode, headers: { "If-Match": `"${entry.sheet.version}"` } });
    this.say(t("scoringKept", entry.teamCode));
    if (kind !== "draft") {
      this.open = undefined;
      this.renderWorklist();
    } else {
      this.renderScoring();
    }
    void this.outbox.flush();
  }

  private say(text: string, failed = false): void {
    this.message.textContent = text;
    this.message.classList.toggle("error", failed);
    this.message.hidden = false;
  }

  private renderDevice(): void {
    const items = this.outbox.items.map((item) => {
      const discard = h("button", { type: "button", class: "link" }, t("scoringDiscard"));
      discard.addEventListener("click", () => this.outbox.discard(item.id));
      return h("li", { class: `queue-item ${item.state}`, "data-testid": "on-device" },
        `${item.label}: `, item.state === "pending" ? t("scoringOnDeviceOnly") : `${t("scoringRefused")} ${item.refusal ?? ""} `,
        item.state === "refused" ? discard : null);
    });
    replaceChildren(this.device, h("h3", {}, t("scoringOnThisDevice")),
      items.length ? h("ul", {}, ...items) : h("p", { class: "muted", "data-testid": "nothing-on-device" }, t("scoringNothingOnDevice")));
    if (this.worklist && !this.open && !this.overseeing) this.renderWorklist();
  }
}

async function open(user: CurrentUser): Promise<void> {
  // A QR link signs in whoever holds it, even on a tablet a colleague used before.
  if ((user.role !== "Judge" && user.role !== "HeadJudge") || window.location.hash.includes("code=")) {
    replaceChildren(main, codeSignIn(open));
    return;
  }
  await new JudgeTablet(user).start();
}

try {
  await open(await whoAmI());
} catch (error) {
  replaceChildren(main, h("p", { class: "error" }, failureMessage(error, "loadFailed")));
}
