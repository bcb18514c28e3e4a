import { api, whoAmI } from "../api/client";
import type { ContestSummary, CurrentUser } from "../api/types";
import { codeSignIn } from "../codeSignIn";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { t } from "../i18n";
import { followBoard, matchRounds, teamName } from "../matches/live";
import { matchTime, scoreText } from "../matches/render";
import { emptySheet, score, tap } from "../matches/scoring";
import type { MatchDetails, MatchRoundView, MatchView, ScoreSheet, Side } from "../matches/types";
import { Outbox, type OutboxItem } from "../outbox";
import { sendOverHttp } from "../outboxSender";
import { retryDelay } from "../retry";
import { mountShell } from "../shell";
import "../matches/matches.css";

// The referee's tablet: pick the field, score its current match with big red and blue counters, submit for the head
// referee. Sheets go through the device's outbox, so a submission made without Wi-Fi is kept and sent later, once.
// The head referee also sees the submissions waiting for them, confirms or returns each, and corrects confirmed ones.

const main = mountShell();
main.classList.add("tablet", "referee");
const params = new URLSearchParams(window.location.search);

function roundUrl(contestId: string, roundId: string): string {
  return `/api/contests/${contestId}/rounds/${roundId}/matches`;
}

/** Picks the contest and round from the address, or lets the referee choose, then remembers them in the address. */
async function chooseRound(): Promise<{ contestId: string; roundId: string } | null> {
  const contestId = params.get("contest");
  const roundId = params.get("round");
  if (contestId && roundId) return { contestId, roundId };
  const contests = await api<ContestSummary[]>("GET", "/api/contests");
  const choices = (await Promise.all(contests.map(async (contest) =>
    (await matchRounds(contest.id)).map((round) => ({ contest, round }))))).flat();
  replaceChildren(main, h("h1", {}, t("matchesChooseRound")),
    choices.length === 0 ? h("p", { class: "muted big" }, t("matchesNoRound")) : null,
    ...choices.map(({ contest, round }) =>
      h("p", {}, h("a", { class: "button secondary", href: `?contest=${contest.id}&round=${round.id}` }, `${contest.name} — ${round.name}`))));
  return null;
}

class RefereeTablet {
  private view: MatchRoundView | undefined;
  private field = localStorage.getItem("referee.field") ?? "";
  private selected: string | undefined;
  private correcting: MatchDetails | undefined;
  private sheet: ScoreSheet = emptySheet();
  private history: ScoreSheet[] = [];
  private sequence = 0;
  private timerStarted: number | undefined;
  private readonly outbox: Outbox;
  private readonly fieldBar = h("div", { class: "row field-bar", "data-testid": "field-bar" });
  private readonly scoring = h("section", { class: "scoring", "data-testid": "scoring" });
  private readonly device = h("section", { class: "panel device-queue", "data-testid": "device-queue" });
  private readonly confirmations = h("section", { class: "panel", "data-testid": "confirmations" });
  private readonly message = h("p", { class: "notice", role: "status", hidden: true, "data-testid": "referee-message" });

  constructor(private readonly contestId: string, private readonly roundId: string, private readonly user: CurrentUser) {
    this.outbox = new Outbox(`referee.${roundId}`, sendOverHttp, localStorage, {
      changed: () => this.renderDevice(),
      stored: (item) => {
        this.say(t("matchesSent", item.label));
        void this.refresh();
      },
    });
  }

  get head(): boolean {
    return this.user.role === "HeadReferee";
  }

  async start(): Promise<void> {
    replaceChildren(main,
      h("div", { class: "row spread" }, h("h1", {}, t(this.head ? "matchesHeadReferee" : "matchesReferee")), h("span", { "data-testid": "signed-in-as" }, t("signedInAs", this.user.name ?? ""))),
      // The head referee's first job is the results waiting for them; they can score a match too.
      this.message, this.head ? this.confirmations : null, this.fieldBar, this.scoring, this.device);
    await this.refresh();
    this.renderDevice();
    // Sheets kept on the device go out as soon as there is a network, and are retried with growing pauses.
    window.addEventListener("online", () => void this.outbox.flush());
    const retry = (attempt: number) => window.setTimeout(async () => {
      await this.outbox.flush();
      retry(this.outbox.items.some((item) => item.state === "pending") ? attempt + 1 : 0);
    }, retryDelay(attempt));
    retry(0);
    void this.outbox.flush();
    await followBoard(this.contestId, this.roundId, { board: () => void this.refresh() });
  }

  private async refresh(): Promise<void> {
    try {
      this.view = await api<MatchRoundView>("GET", roundUrl(this.contestId, this.roundId));
    } catch {
      return; // offline: keep what is on screen; the outbox keeps the sheets
    }
    if (!this.field || !this.view.fields.includes(this.field)) this.field = this.view.fields[0] ?? "";
    this.renderFields();
    if (!this.correcting) {
      const current = this.currentMatch();
      if (current?.code !== this.selected) this.select(current);
      else this.renderScoring();
    }
    if (this.head) this.renderConfirmations();
    this.renderDevice();
  }

  /** The field's earliest match still to be scored (or returned for scoring again), whose teams are known. */
  private currentMatch(): MatchView | undefined {
    const sentFromHere = new Set(this.outbox.items.filter((item) => item.state === "pending").map((item) => item.label));
    return this.view?.matches
      .filter((match) => match.field === this.field && (match.status === "Scheduled" || match.status === "Returned") && match.red && match.blue && !sentFromHere.has(match.code))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  }

  private select(match: MatchView | undefined, sheet: ScoreSheet = emptySheet()): void {
    this.selected = match?.code;
    this.sheet = sheet;
    this.history = [];
    this.timerStarted = undefined;
    this.renderScoring();
  }

  private renderFields(): void {
    const view = this.view!;
    replaceChildren(this.fieldBar, ...view.fields.map((field) => {
      const button = h("button", { type: "button", class: field === this.field ? "primary" : "secondary", "data-field": field }, field);
      button.addEventListener("click", () => {
        this.field = field;
        localStorage.setItem("referee.field", field);
        this.correcting = undefined;
        this.select(this.currentMatch());
        this.renderFields();
      });
      return button;
    }));
  }

  private change(next: ScoreSheet): void {
    this.history.push(this.sheet);
    this.sheet = next;
    this.renderScoring();
    if (!this.correcting && this.selected) {
      // Best effort and unofficial: a lost running score is replaced by the next tap or by the submitted result.
      api("POST", `${roundUrl(this.contestId, this.roundId)}/${this.selected}/live`, { sequence: ++this.sequence, sheet: this.sheet }).catch(() => undefined);
    }
  }

  private counter(side: Side, kind: "tasks" | "penalties", code: string, name: string, worth: string, max: number): HTMLElement {
    const key = side === "Red" ? "red" : "blue";
    const count = this.sheet[key][kind][code] ?? 0;
    const minus = h("button", { type: "button", class: "tap minus", "aria-label": `${name} −1`, "data-testid": `${key}-${code}-minus` }, "−");
    const plus = h("button", { type: "button", class: "tap plus", "aria-label": `${name} +1`, "data-testid": `${key}-${code}-plus` }, "+");
    minus.addEventListener("click", () => this.change(tap(this.sheet, side, kind, code, -1, max)));
    plus.addEventListener("click", () => this.change(tap(this.sheet, side, kind, code, 1, max)));
    return h("div", { class: `counter ${kind}` },
      h("span", { class: "counter-name" }, name, h("small", { class: "muted" }, ` ${worth}`)),
      minus, h("span", { class: "count", "data-testid": `${key}-${code}-count` }, String(count)), plus);
  }

  private side(view: MatchRoundView, match: MatchView, side: Side): HTMLElement {
    const game = view.game;
    const key = side === "Red" ? "red" : "blue";
    const total = score(game, this.sheet)[key].points;
    const instant = h("button", { type: "button", class: `instant${this.sheet.instantWinBy === side ? " chosen" : ""}`, "data-testid": `${key}-instant-win` },
      game.instantWin ?? "");
    instant.addEventListener("click", () => {
      const seconds = this.timerStarted ? Math.min(game.matchSeconds, Math.round((Date.now() - this.timerStarted) / 1000)) : game.matchSeconds;
      this.change(this.sheet.instantWinBy === side
        ? { ...this.sheet, instantWinBy: null, instantWinSeconds: null }
        : { ...this.sheet, instantWinBy: side, instantWinSeconds: seconds, decidedWinner: null });
    });
    return h("div", { class: `side-panel ${key}` },
      h("h2", {}, teamName(view, side === "Red" ? match.red : match.blue)),
      h("div", { class: "total", "data-testid": `${key}-total` }, String(total)),
      ...game.tasks.map((task) => this.counter(side, "tasks", task.code, task.name, `+${task.points}`, task.maxCount)),
      // A penalty either costs its own side points or gives them to the other side: say which.
      ...game.penalties.map((penalty) => this.counter(side, "penalties", penalty.code, penalty.name,
        penalty.effect === "ToOpponent" ? t("matchesToOpponent", penalty.points) : `−${penalty.points}`, penalty.maxCount)),
      game.instantWin ? instant : null);
  }

  private renderScoring(): void {
    const view = this.view;
    const match = view?.matches.find((item) => item.code === (this.correcting?.match.code ?? this.selected));
    if (!view || !match) {
      replaceChildren(this.scoring, h("p", { class: "muted big", "data-testid": "no-match" }, t("matchesNothingToScore")));
      return;
    }
    const result = score(view.game, this.sheet);
    const level = result.red.points === result.blue.points && !this.sheet.instantWinBy;
    const decided = (side: Side) => {
      const button = h("button", { type: "button", class: this.sheet.decidedWinner === side ? "primary" : "secondary", "data-testid": `decided-${side}` },
        teamName(view, side === "Red" ? match.red : match.blue));
      button.addEventListener("click", () => this.change({ ...this.sheet, decidedWinner: side }));
      return button;
    };
    const undo = h("button", { type: "button", class: "secondary", disabled: this.history.length === 0, "data-testid": "undo" }, t("matchesUndo"));
    undo.addEventListener("click", () => {
      this.sheet = this.history.pop() ?? this.sheet;
      this.renderScoring();
    });
    const timer = h("button", { type: "button", class: "secondary", "data-testid": "timer" }, this.timerStarted ? t("matchesTimerRunning") : t("matchesStartTimer"));
    timer.addEventListener("click", () => {
      this.timerStarted = Date.now();
      this.renderScoring();
    });
    const reason = h("input", { name: "reason", placeholder: t("matchesCorrectionReason"), "data-testid": "correction-reason" });
    const submit = h("button", { type: "button", class: "primary submit", "data-testid": "submit-result" },
      this.correcting ? t("matchesSubmitCorrection") : t("matchesSubmitForConfirmation"));
    submit.addEventListener("click", () => void (this.correcting ? this.correct(match, reason.value) : this.submit(match)));
    replaceChildren(this.scoring,
      h("div", { class: "row spread match-head" },
        h("h2", { "data-testid": "scoring-match" }, `${match.code} · ${match.field} · ${matchTime(match)}`),
        h("span", { class: "row" }, timer, undo)),
      match.status === "Returned" ? h("p", { class: "notice error", "data-testid": "returned" }, t("matchesReturnedToReferee")) : null,
      this.correcting ? h("p", { class: "notice" }, t("matchesCorrecting", match.code)) : null,
      h("div", { class: "sides" }, this.side(view, match, "Red"), this.side(view, match, "Blue")),
      level && match.stage === "Knockout" ? h("div", { class: "row decided" }, h("span", { class: "label" }, t("matchesDecidedWinner")), decided("Red"), decided("Blue")) : null,
      this.correcting ? reason : null,
      submit);
  }

  private async submit(match: MatchView): Promise<void> {
    this.outbox.enqueue({
      method: "POST",
      url: `${roundUrl(this.contestId, this.roundId)}/${match.code}/result`,
      body: { sheet: this.sheet },
      label: match.code,
    });
    this.say(t("matchesKeptOnDevice", match.code));
    this.select(this.currentMatch());
    await this.outbox.flush();
  }

  private async correct(match: MatchView, reason: string): Promise<void> {
    try {
      await api("POST", `${roundUrl(this.contestId, this.roundId)}/${match.code}/correction`, { sheet: this.sheet, reason }, { "If-Match": `"${match.version}"` });
      this.correcting = undefined;
      this.say(t("matchesCorrected", match.code));
      await this.refresh();
    } catch (error) {
      this.say(failureMessage(error, "networkError"), true);
    }
  }

  private say(text: string, failed = false): void {
    this.message.textContent = text;
    this.message.classList.toggle("error", failed);
    this.message.hidden = false;
  }

  /** What is only on this device (not yet on the server, or refused) and what the server holds for this field. */
  private renderDevice(): void {
    const view = this.view;
    const onDevice = this.outbox.items.map((item: OutboxItem) => {
      const discard = h("button", { type: "button", class: "link" }, t("matchesDiscard"));
      discard.addEventListener("click", () => this.outbox.discard(item.id));
      return h("li", { class: `queue-item ${item.state}`, "data-testid": "on-device" },
        `${item.label}: `, item.state === "pending" ? t("matchesOnDeviceOnly") : `${t("matchesRefused")} ${item.refusal ?? ""} `,
        item.state === "refused" ? discard : null);
    });
    const onServer = (view?.matches ?? [])
      .filter((match) => match.field === this.field && (match.status === "AwaitingConfirmation" || match.status === "Confirmed"))
      .map((match) => h("li", { "data-testid": "on-server", "data-match": match.code },
        `${match.code} · ${scoreText(match)} · `, match.status === "Confirmed" ? t("matchesConfirmed") : t("matchesAwaitingHeadReferee")));
    replaceChildren(this.device,
      h("h3", {}, t("matchesOnThisDevice")), onDevice.length ? h("ul", {}, ...onDevice) : h("p", { class: "muted" }, t("matchesNothingOnDevice")),
      h("h3", {}, t("matchesOnServer", this.field)), onServer.length ? h("ul", {}, ...onServer) : h("p", { class: "muted" }, "–"));
  }

  private renderConfirmations(): void {
    const view = this.view!;
    const act = async (match: MatchView, action: "confirm" | "return", body?: object) => {
      try {
        await api("POST", `${roundUrl(this.contestId, this.roundId)}/${match.code}/${action}`, body, { "If-Match": `"${match.version}"` });
        this.say(t(action === "confirm" ? "matchesConfirmedMessage" : "matchesReturnedMessage", match.code));
        await this.refresh();
      } catch (error) {
        this.say(failureMessage(error, "networkError"), true);
      }
    };
    const waiting = view.matches.filter((match) => match.status === "AwaitingConfirmation").map((match) => {
      const confirm = h("button", { type: "button", class: "primary", "data-testid": `confirm-${match.code}` }, t("matchesConfirm"));
      confirm.addEventListener("click", () => void act(match, "confirm"));
      const giveBack = h("button", { type: "button", class: "secondary", "data-testid": `return-${match.code}` }, t("matchesReturn"));
      giveBack.addEventListener("click", () => {
        const reason = window.prompt(t("matchesReturnReason"));
        if (reason) void act(match, "return", { reason });
      });
      return h("li", { class: "row spread", "data-awaiting": match.code },
        h("span", {}, h("strong", {}, match.code), ` · ${teamName(view, match.red)} ${scoreText(match)} ${teamName(view, match.blue)}`), h("span", { class: "row" }, confirm, giveBack));
    });
    const confirmed = view.matches.filter((match) => match.status === "Confirmed").map((match) => {
      const edit = h("button", { type: "button", class: "link", "data-testid": `correct-${match.code}` }, t("matchesCorrect"));
      edit.addEventListener("click", async () => {
        this.correcting = await api<MatchDetails>("GET", `${roundUrl(this.contestId, this.roundId)}/${match.code}`);
        this.sheet = this.correcting.sheet ?? emptySheet();
        this.history = [];
        this.renderScoring();
        this.scoring.scrollIntoView({ block: "start" });
      });
      return h("li", { class: match.needsReview ? "review" : undefined },
        `${match.code} · ${teamName(view, match.red)} ${scoreText(match)} ${teamName(view, match.blue)} `,
        match.needsReview ? h("strong", { class: "error" }, `${t("matchesNeedsReview")} `) : null, edit);
    });
    replaceChildren(this.confirmations,
      h("h2", {}, t("matchesAwaitingConfirmation")),
      waiting.length ? h("ul", { class: "stack plain" }, ...waiting) : h("p", { class: "muted", "data-testid": "nothing-waiting" }, t("matchesNothingWaiting")),
      h("details", {}, h("summary", {}, t("matchesConfirmedResults")), h("ul", { class: "plain" }, ...confirmed)));
  }
}

async function open(user: CurrentUser): Promise<void> {
  if (user.role !== "Referee" && user.role !== "HeadReferee") {
    replaceChildren(main, codeSignIn(open));
    return;
  }
  const chosen = await chooseRound();
  if (chosen) await new RefereeTablet(chosen.contestId, chosen.roundId, user).start();
}

try {
  await open(await whoAmI());
} catch (error) {
  replaceChildren(main, h("p", { class: "error" }, failureMessage(error, "loadFailed")));
}
