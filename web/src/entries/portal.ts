import { appPath } from "../address";
import "../rounds/rounds.css";
import { api, apiWithETag } from "../api/client";
import type { ContestView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { formatDateTime, formatNumber } from "../format";
import { clearErrors, failureMessage, field, input, showErrors } from "../forms";
import { t, type TextKey } from "../i18n";
import { clockOffset, remaining, tick } from "../rounds/time";
import type { EntryRevisionView, EntryView, RoundScheduleView, TeamJudgeSheet, TeamResultView } from "../rounds/types";

// The team portal's entries: for each judged round, where it stands with a countdown, the team's entry and its
// revisions, and the form to submit or revise while the round takes entries (the server decides, at its own clock).

/** "Closes in 2 d 03:04:05 (at 17:00 30/06/2024)", counted down against the server's clock. */
function countdown(round: RoundScheduleView): HTMLElement {
  const line = h("p", { class: "countdown", "data-testid": "countdown" });
  const times = round.times;
  if (!times || round.cancelled) {
    line.textContent = round.cancelled ? t("roundsCancelled", round.cancelReason ?? "") : t("entriesNotScheduled");
    return line;
  }
  const offset = clockOffset(round.serverTime);
  const left = (instant: string) => remaining(new Date(instant).getTime() - (Date.now() + offset));
  tick(line, () => {
    const now = Date.now() + offset;
    if (now < Date.parse(times.opensAt)) return t("entriesOpensIn", left(times.opensAt), formatDateTime(times.opensAt));
    if (now < Date.parse(times.closesAt)) return t("entriesClosesIn", left(times.closesAt), formatDateTime(times.closesAt));
    if (now < Date.parse(times.locksAt)) return t("entriesGraceEndsIn", left(times.locksAt));
    return t("entriesClosedAt", formatDateTime(times.locksAt));
  });
  return line;
}

function revisionItem(revision: EntryRevisionView): HTMLElement {
  return h("li", { "data-testid": "revision" },
    h("strong", {}, t("entriesRevisionLine", revision.number, formatDateTime(revision.submittedAt), revision.title)),
    revision.late ? h("span", { class: "flag" }, ` (${t("entriesLate")})`) : null,
    h("ul", {},
      ...revision.videoLinks.map((link) => h("li", {}, h("a", { href: link, rel: "noopener noreferrer", target: "_blank" }, link))),
      ...revision.files.map((file) => h("li", {}, h("a", { href: appPath(file.downloadUrl) }, file.name)))));
}

/** The form for a first entry or a revision; earlier files are kept unless unticked. */
function entryForm(contest: ContestView, round: RoundScheduleView, teamId: string, entry: EntryView, etag: string, onSaved: () => Promise<void>): HTMLFormElement {
  const latest = entry.revisions[0];
  const summary = h("div", { class: "form-errors", "data-testid": "entry-errors", role: "alert", hidden: true });
  const submitKey: TextKey = latest ? "entriesRevise" : "entriesSubmit";
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "entry-submit" }, t(submitKey));
  const title = input("title", "text", { value: latest?.title ?? "" });
  const description = h("textarea", { name: "description", rows: 4 });
  description.value = latest?.description ?? "";
  const links = h("textarea", { name: "videoLinks", rows: 3, "data-testid": "video-links" });
  links.value = (latest?.videoLinks ?? []).join("\n");
  const kept = (latest?.files ?? []).map((file) => {
    const box = h("input", { type: "checkbox", name: "keepFiles", value: file.sha256, "aria-label": `${t("entriesKeepFile")} ${file.name}` });
    box.checked = true;
    return h("label", { class: "row keep-file" }, box, t("entriesKeepFile"), h("a", { href: appPath(file.downloadUrl) }, file.name));
  });
  const files = input("files", "file", { multiple: true, accept: ".jpg,.jpeg,.png,.pdf,.docx,.xlsx,.pptx,.mp4", "data-testid": "entry-files" });
  const form = h("form", { class: "stack", novalidate: true, "data-testid": "entry-form" },
    summary,
    field("entriesTitleLabel", title),
    field("entriesDescription", description),
    field("entriesField", input("field", "text", { value: latest?.field ?? "" }), "optional"),
    field("entriesVideoLinks", links),
    ...kept,
    field("entriesFiles", files, "optional"),
    submit);
  // One key until the entry is saved: resending after a dropped connection makes one revision, not two.
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const body = new FormData();
    body.append("title", title.value);
    body.append("description", description.value);
    body.append("field", (form.elements.namedItem("field") as HTMLInputElement).value);
    links.value.split("\n").map((line) => line.trim()).filter(Boolean).forEach((link) => body.append("videoLinks", link));
    form.querySelectorAll<HTMLInputElement>("input[name=keepFiles]:checked").forEach((box) => body.append("keepFiles", box.value));
    Array.from(files.files ?? []).forEach((file) => body.append("files", file, file.name));
    submit.disabled = true;
    try {
      await api("POST", `/api/contests/${contest.id}/rounds/${round.roundId}/entries/${teamId}/revisions`, body,
        { "If-Match": etag, "Idempotency-Key": idempotencyKey });
      idempotencyKey = crypto.randomUUID();
      await onSaved();
    } catch (error) {
      showErrors(form, summary, error, "entriesResendIsSafe");
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

async function roundCard(contest: ContestView, round: RoundScheduleView, teamId: string): Promise<HTMLElement> {
  const card = h("section", { class: "panel entry-round", "data-round": round.name });
  const render = async (savedNow = false) => {
    const { body: entry, etag } = await apiWithETag<EntryView>("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/entries/${teamId}`);
    const latest = entry.revisions[0];
    const fresh = savedNow ? await api<RoundScheduleView>("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/schedule`) : round;
    replaceChildren(card,
      h("h3", {}, round.name, " ", h("span", { class: "status-badge", "data-testid": "round-phase" }, t(`roundsPhase${fresh.state.phase}` as TextKey))),
      countdown(fresh),
      savedNow ? h("p", { class: "notice", "data-testid": "entry-saved" }, t("entriesSubmitted")) : null,
      h("p", { "data-testid": "entry-status" }, latest
        ? t("entriesSubmittedRevision", latest.number, formatDateTime(latest.submittedAt))
        : t("entriesNotSubmitted")),
      entry.judged && !fresh.state.acceptsEntries ? h("p", {}, t("entriesJudgedRevision", entry.judged.number)) : null,
      entry.advanced ? h("p", { class: "notice" }, t("entriesAdvanced")) : null,
      await resultPanel(contest, fresh, teamId),
      fresh.state.acceptsEntries ? entryForm(contest, fresh, teamId, entry, etag ?? "\"0\"", () => render(true)) : null,
      entry.revisions.length > 0
        ? h("details", { class: "revisions", open: !fresh.state.acceptsEntries }, h("summary", {}, t("entriesHistory")),
          h("ol", { reversed: true }, ...entry.revisions.map(revisionItem)))
        : null);
  };
  try {
    await render();
  } catch (error) {
    replaceChildren(card, h("p", { class: "error" }, failureMessage(error, "loadFailed")));
  }
  return card;
}

/** The team's own result once the round is published: score and rank, each criterion, each judge's sheet and comment (unnamed). */
async function resultPanel(contest: ContestView, round: RoundScheduleView, teamId: string): Promise<HTMLElement | null> {
  if (!round.state.published) return null;
  const view = await api<TeamResultView>("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/results/teams/${teamId}`);
  const result = view.result;
  if (!result) return h("p", { class: "muted", "data-testid": "team-result" }, t("entriesResultNone"));
  return h("section", { class: "panel", "data-testid": "team-result" },
    h("h4", {}, t("entriesResultTitle")),
    h("p", { class: "big" },
      h("strong", { "data-testid": "team-result-rank" }, t(result.tied ? "entriesResultRankTied" : "entriesResultRank", result.rank, result.rankedInDivision)),
      " · ", t("entriesResultScore", formatNumber(result.score), formatNumber(result.maximum))),
    h("table", { class: "data" },
      h("thead", {}, h("tr", {}, h("th", {}, t("entriesResultCriterion")), h("th", {}, t("entriesResultMean")),
        ...result.sheets.map((sheet) => h("th", {}, t("entriesResultJudge", sheet.judge))))),
      h("tbody", {}, ...result.criteria.map((criterion) => h("tr", {},
        h("td", {}, criterion.description),
        h("td", {}, `${formatNumber(criterion.mean)} / ${formatNumber(criterion.maximum)}`),
        ...result.sheets.map((sheet) => h("td", {}, formatNumber(sheet.scores.find((score) => score.code === criterion.code)?.value ?? 0))))))),
    judgeComments(result.sheets));
}

/** What the judges wrote to the team, each under the judge's number only. */
function judgeComments(sheets: TeamJudgeSheet[]): HTMLElement | null {
  const commented = sheets.filter((sheet) => sheet.comment);
  if (commented.length === 0) return null;
  return h("div", { "data-testid": "team-result-comments" },
    h("h5", {}, t("entriesResultComments")),
    h("ul", {}, ...commented.map((sheet) => h("li", {}, h("strong", {}, t("entriesResultJudge", sheet.judge)), ": ", sheet.comment ?? ""))));
}

/** Every judged round of the contest with the team's entry in it. */
export async function entriesSection(contest: ContestView, teamId: string): Promise<HTMLElement> {
  const rounds = (await api<RoundScheduleView[]>("GET", `/api/contests/${contest.id}/rounds`)).filter((round) => round.type === "JudgedSubmissions");
  return h("section", { class: "entries", "data-testid": "entries" },
    h("h2", {}, t("entriesTitle")),
    rounds.length === 0 ? h("p", { class: "muted" }, t("entriesNoRounds")) : null,
    ...(await Promise.all(rounds.map((round) => roundCard(contest, round, teamId)))));
}
