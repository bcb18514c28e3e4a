import { api } from "../api/client";
import type { components } from "../api/schema";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { formatDateTime, formatNumber } from "../format";
import { t } from "../i18n";
import { correctAction, correctionNotice, currentVersion, type CorrectionNotice, type EntryHistoryView } from "./correction";
import { findEntries, roundEntries, sheetsState } from "./correctionRules";
import "./headJudge.css";

// The head judge's view on the tablet: every entry of a round with how many of its sheets are in, found by what they
// type; for one entry every judge's current sheet (and who still owes one), and the correction form for the sheet a
// judge reports as mistaken (after the lock too).

type Schemas = components["schemas"];
type EntryLabel = Schemas["EntryLabel"];
type EntryProgressView = Schemas["EntryProgressView"];

/** Shows the head judge's view in `screen` (the tablet titles it); `back` returns to the judge's own worklist. */
export async function headJudgeView(contestId: string, screen: HTMLElement, back: () => void): Promise<void> {
  const contest = await api<Schemas["ContestView"]>("GET", `/api/contests/${contestId}`);
  const rounds = contest.rounds.filter((round) => round.type === "JudgedSubmissions");
  const backButton = h("button", { type: "button", class: "secondary", "data-testid": "head-judge-back" }, t("correctionBackToWorklist"));
  backButton.addEventListener("click", back);
  const header = h("div", { class: "row" }, backButton);
  if (rounds.length === 0) {
    replaceChildren(screen, header, h("p", { class: "muted big" }, t("correctionNoRounds")));
    return;
  }

  const chooseRound = h("select", { name: "round", "data-testid": "head-judge-round" }, ...rounds.map((round) => h("option", { value: round.id }, round.name)));
  const search = h("input", { name: "search", type: "search", autocomplete: "off", placeholder: t("correctionSearch"), "aria-label": t("correctionSearch"), "data-testid": "head-judge-search" });
  const list = h("div", { "data-testid": "head-judge-entries" });
  const picker = h("section", { class: "panel head-judge" },
    h("p", { class: "muted" }, t("correctionHeadJudgeHint")),
    h("div", { class: "row" }, h("label", { class: "field" }, h("span", { class: "label" }, t("correctionRound")), chooseRound), search),
    list);
  const showPicker = () => replaceChildren(screen, header, picker);
  let entries: EntryProgressView[] = [];

  const roundBase = () => `/api/contests/${contestId}/rounds/${chooseRound.value}`;
  const renderList = () => {
    const found = findEntries(entries, search.value);
    replaceChildren(list,
      h("p", { class: "muted", "data-testid": "head-judge-count" }, t("correctionEntryCount", formatNumber(found.length), formatNumber(entries.length))),
      entries.length === 0 ? h("p", { class: "muted big" }, t("correctionNoEntries")) : null,
      h("ul", { class: "plain worklist" }, ...found.map(({ entry, scored, assigned }) => {
        const state = sheetsState({ scored, assigned });
        const button = h("button", { type: "button", class: "secondary entry-button", "data-testid": "head-judge-entry", "data-entry": entry.entryId, "data-sheets": state },
          h("span", { class: "code" }, entry.code), h("span", { class: "title" }, entry.name), h("span", { class: "muted" }, entry.school), h("span", {}, entry.division),
          h("span", { class: `sheets ${state}`, "data-testid": "head-judge-entry-sheets" }, t("correctionEntrySheets", formatNumber(scored), formatNumber(assigned))));
        button.addEventListener("click", () => void openEntry(entry));
        return h("li", {}, button);
      })));
  };
  const loadRound = async () => {
    try {
      entries = roundEntries(await api<Schemas["JudgingProgressView"]>("GET", `${roundBase()}/judging/progress`));
      renderList();
    } catch (error) {
      replaceChildren(list, h("p", { class: "error", role: "alert" }, failureMessage(error, "loadFailed")));
    }
  };

  const openEntry = async (entry: EntryLabel, notice?: CorrectionNotice) => {
    const base = roundBase();
    let history: EntryHistoryView;
    try {
      history = await api<EntryHistoryView>("GET", `${base}/judging/entries/${entry.entryId}/history`);
    } catch (error) {
      showPicker();
      replaceChildren(list, h("p", { class: "error", role: "alert" }, failureMessage(error, "loadFailed")));
      return;
    }
    const toEntries = h("button", { type: "button", class: "secondary", "data-testid": "head-judge-entries-back" }, t("correctionBackToEntries"));
    toEntries.addEventListener("click", () => { showPicker(); void loadRound(); });
    // After a correction (or a 412) the entry is read again, and the list behind it too so its sheet counts are current.
    const reload = (text: string, failed: boolean) => { void openEntry(entry, { text, failed }); void loadRound(); };
    replaceChildren(screen,
      h("div", { class: "row spread" }, toEntries, h("h2", { "data-testid": "head-judge-entry-title" }, t("correctionSheetsOf", `${history.entry.code} ${history.entry.name}`.trim()))),
      correctionNotice(notice),
      ...history.sheets.map((sheet) => {
        const version = currentVersion(sheet);
        const slot = h("div", {});
        return h("section", { class: "panel sheet-card", "data-testid": "judge-sheet", "data-judge": sheet.judge.judgeId },
          h("div", { class: "row spread" },
            h("h3", {}, sheet.judge.name, sheet.counted ? null : h("span", { class: "muted" }, ` (${t("resultsNotCounted")})`)),
            h("strong", { class: "big", "data-testid": "sheet-current" }, t("correctionCurrent", version.number, formatNumber(Number(version.total)))),
            correctAction(base, history, sheet, slot, reload)),
          h("p", { class: "big sheet-scores" }, version.scores.map((score) => `${score.code} ${formatNumber(Number(score.value))}`).join(" · ")),
          h("p", { class: "muted" }, t("correctionLast", t(version.correction ? "resultsCorrected" : "resultsSubmitted"), version.by.name, formatDateTime(version.at))),
          version.reason ? h("p", { "data-testid": "sheet-reason" }, t("resultsReason", version.reason)) : null,
          version.comment ? h("p", { class: "muted" }, t("resultsComment", version.comment)) : null,
          slot);
      }),
      ...history.owed.map((judge) => h("section", { class: "panel sheet-card owed", "data-testid": "judge-sheet-owed", "data-judge": judge.judgeId },
        h("div", { class: "row spread" }, h("h3", {}, judge.name), h("strong", { class: "big muted" }, t("correctionNoSheet"))))),
      history.sheets.length === 0 ? h("p", { class: "muted big", "data-testid": "head-judge-nothing-to-correct" }, t("correctionNothingToCorrect")) : null);
  };

  chooseRound.addEventListener("change", () => void loadRound());
  search.addEventListener("input", renderList);
  showPicker();
  await loadRound();
}
