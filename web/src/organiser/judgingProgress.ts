import { api } from "../api/client";
import type { components } from "../api/schema";
import type { ContestView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { formatDateTime, formatNumber } from "../format";
import { t, type TextKey } from "../i18n";
import "./judgingProgress.css";
import { moveUp } from "./tieOrder";
import { correctAction, correctionNotice, type CorrectionNotice, type EntryHistoryView } from "../judging/correction";

// The organisers' view of a judged round while and after it is scored: progress per panel and judge, the entries
// still missing sheets, judges far from the others, each division's ranking with its ties, and for any entry every
// judge's scores side by side and the full history of its sheets.

type Schemas = components["schemas"];
type JudgingProgressView = Schemas["JudgingProgressView"];
type JudgingResultsView = Schemas["JudgingResultsView"];
type OutliersView = Schemas["OutliersView"];
type SideBySideView = Schemas["SideBySideView"];
type EntryLabel = Schemas["EntryLabel"];
type TieBreakRule = Schemas["TieBreakRule"];
type DivisionRankingView = Schemas["DivisionRankingView"];
type RankingRow = Schemas["RankingRow"];

const missingShown = 50;

/** One collapsed panel per judged round; it loads when opened and again on "refresh". */
export function judgingProgressPanels(contest: ContestView): HTMLElement[] {
  return contest.rounds.filter((round) => round.type === "JudgedSubmissions").map((round) => {
    const roundBase = `/api/contests/${contest.id}/rounds/${round.id}`;
    const base = `${roundBase}/judging`;
    const body = h("div", { class: "results" }, h("p", { class: "muted" }, t("resultsLoading")));
    const refresh = h("button", { type: "button", class: "secondary", "data-testid": "results-refresh" }, t("resultsRefresh"));
    const panel = h("details", { class: "panel", "data-testid": "judging-results", "data-round": round.id },
      h("summary", {}, t("resultsTitle", round.name)), h("div", { class: "row" }, refresh), body);
    // The side-by-side stays on the division the organiser chose across reloads (after a correction, on "refresh").
    let sideBySideDivision: string | undefined;
    // `shown` reopens an entry's history after the reload (with how its correction went), since a correction can move
    // the progress, the ranking and the side-by-side the panel shows around it.
    const load = async (shown?: { entry: EntryLabel; notice: CorrectionNotice }) => {
      try {
        const [progress, results, outliers] = await Promise.all([
          api<JudgingProgressView>("GET", `${base}/progress`),
          api<JudgingResultsView>("GET", `${base}/results`),
          api<OutliersView>("GET", `${base}/outliers`),
        ]);
        const detail = h("div", { "data-testid": "results-detail" });
        const corrected = (entry: EntryLabel, notice: CorrectionNotice) => void load({ entry, notice });
        const showEntry = (entry: EntryLabel) => void entryDetail(roundBase, entry, detail, corrected);
        replaceChildren(body,
          progressSection(progress),
          missingSection(progress, showEntry),
          outliersSection(outliers),
          rankingSection(results, showEntry, (division, entryIds, reason) => decideTieOrder(base, results, division, entryIds, reason, load)),
          await sideBySideSection(base, results.divisions.map((division) => division.division), showEntry, sideBySideDivision,
            (division) => { sideBySideDivision = division; }),
          detail);
        if (shown) await entryDetail(roundBase, shown.entry, detail, corrected, shown.notice);
      } catch (error) {
        replaceChildren(body, h("p", { class: "error", role: "alert" }, failureMessage(error, "connectionFailed")));
      }
    };
    panel.addEventListener("toggle", () => { if (panel.open) void load(); });
    refresh.addEventListener("click", () => void load());
    return panel;
  });
}

function bar(label: string, scored: number, assigned: number, testId?: string): HTMLElement {
  const share = assigned === 0 ? 0 : Math.round((100 * scored) / assigned);
  const fill = h("span", { class: "results-fill" });
  fill.style.width = `${share}%`;
  return h("div", { class: `results-bar${scored === assigned ? " done" : ""}`, "data-testid": testId },
    h("span", { class: "results-bar-label" }, label),
    h("span", { class: "results-track", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": assigned, "aria-valuenow": scored }, fill),
    h("span", { class: "results-count" }, t("resultsSheets", formatNumber(scored), formatNumber(assigned))));
}

function progressSection(progress: JudgingProgressView): HTMLElement {
  if (progress.assigned === 0) return h("section", {}, h("h3", {}, t("resultsProgress")), h("p", { class: "muted" }, t("resultsNoAssignments")));
  return h("section", { "data-testid": "results-progress" },
    h("h3", {}, t("resultsProgress")),
    bar(t("resultsOverall"), progress.scored, progress.assigned, "results-overall"),
    ...progress.panels.map((panel) => h("div", { class: "results-panel", "data-testid": "results-panel" },
      bar(panel.name, panel.scored, panel.assigned),
      h("div", { class: "results-judges" }, ...panel.judges.map((judge) => bar(judge.name, judge.scored, judge.assigned))))),
    progress.panels.length === 0
      ? h("div", { class: "results-judges" }, h("h4", {}, t("resultsPerJudge")), ...progress.judges.map((judge) => bar(judge.name, judge.scored, judge.assigned)))
      : null);
}

function entryButton(entry: EntryLabel, showEntry: (entry: EntryLabel) => void): HTMLElement {
  const button = h("button", { type: "button", class: "link", "data-entry": entry.entryId }, `${entry.code} ${entry.name}`.trim());
  button.addEventListener("click", () => showEntry(entry));
  return button;
}

function missingSection(progress: JudgingProgressView, showEntry: (entry: EntryLabel) => void): HTMLElement | null {
  if (progress.assigned === 0) return null;
  const missing = progress.missing;
  return h("section", { "data-testid": "results-missing" },
    h("h3", {}, t("resultsMissing", formatNumber(missing.length))),
    missing.length === 0 ? h("p", { class: "muted" }, t("resultsNoneMissing")) : h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, ...(["resultsTeam", "resultsDivision", "resultsDistrict", "resultsJudgeCount", "resultsMissingJudges"] as TextKey[]).map((key) => h("th", {}, t(key))))),
      h("tbody", {}, ...missing.slice(0, missingShown).map((entry) => h("tr", {},
        h("td", {}, entryButton(entry.entry, showEntry)),
        h("td", {}, entry.entry.division),
        h("td", {}, entry.entry.district),
        h("td", {}, `${entry.scored}/${entry.assigned}`),
        h("td", {}, entry.missingJudges.map((judge) => judge.name).join(", "))))))),
    missing.length > missingShown ? h("p", { class: "muted" }, t("resultsMoreMissing", formatNumber(missing.length - missingShown))) : null);
}

function outliersSection(outliers: OutliersView): HTMLElement {
  const compared = outliers.judges.filter((judge) => judge.compared > 0);
  return h("section", { "data-testid": "results-outliers" },
    h("h3", {}, t("resultsOutliers")),
    h("p", { class: "muted" }, t("resultsOutliersHint")),
    compared.length === 0 ? h("p", { class: "muted" }, t("resultsNoOutliers")) : h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, ...(["resultsJudge", "resultsDivision", "resultsCompared", "resultsDeviation", "resultsShare"] as TextKey[]).map((key) => h("th", {}, t(key))), h("th", {}))),
      h("tbody", {}, ...compared.map((judge) => h("tr", { class: judge.outlier ? "results-outlier" : undefined, "data-outlier": judge.outlier ? "true" : undefined },
        h("td", {}, judge.name),
        h("td", {}, judge.division),
        h("td", {}, formatNumber(judge.compared)),
        h("td", {}, `${judge.meanDeviation > 0 ? "+" : ""}${formatNumber(round2(judge.meanDeviation))}`),
        h("td", {}, `${formatNumber(Math.round(judge.shareOfRange * 1000) / 10)}%`),
        h("td", {}, judge.outlier ? h("span", { class: "results-flag" }, t("resultsFlagged")) : null)))))));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function ruleName(rule: TieBreakRule): string {
  if (rule.kind === "HigherCriterion") return rule.criterion ?? "";
  return t(`resultsRule${rule.kind}` as TextKey);
}

type DecideTieOrder = (division: string, entryIds: string[], reason: string) => Promise<void>;

/** Records the organisers' order for a division's tied entries at the version the view was read at, then reloads. */
async function decideTieOrder(
  base: string, results: JudgingResultsView, division: string, entryIds: string[], reason: string, reload: () => Promise<void>,
): Promise<void> {
  await api("PUT", `${base}/tie-orders/${encodeURIComponent(division)}`, { entryIds, reason: reason || null }, { "If-Match": `"${results.tieOrderVersion}"` });
  await reload();
}

/** Groups of entries still sharing a rank, each with an editor to put them in the organisers' order. */
function tieOrderEditors(division: DivisionRankingView, decide: DecideTieOrder): HTMLElement | null {
  const ranks = [...new Set(division.rows.filter((row) => row.tied).map((row) => row.rank))];
  if (ranks.length === 0) return null;
  return h("div", { class: "results-ties", "data-testid": "results-ties" }, ...ranks.map((rank) => {
    const group = division.rows.filter((row) => row.rank === rank);
    const list = h("ol", { class: "results-tie-order" });
    let order = group;
    const render = (rows: RankingRow[]) => {
      order = rows;
      replaceChildren(list, ...rows.map((row, index) => {
        const up = h("button", { type: "button", class: "secondary", "aria-label": t("resultsMoveUp"), disabled: index === 0 }, "↑");
        up.addEventListener("click", () => render(moveUp(rows, index)));
        return h("li", { "data-entry": row.entry.entryId }, up, ` ${row.entry.code} ${row.entry.name}`);
      }));
    };
    render(group);
    const reason = h("input", { name: "reason", type: "text", "aria-label": t("resultsTieReason"), placeholder: t("resultsTieReason") });
    const save = h("button", { type: "button", class: "primary" }, t("resultsSaveTieOrder"));
    const outcome = h("p", { class: "error", role: "alert" });
    save.addEventListener("click", () => {
      decide(division.division, order.map((row) => row.entry.entryId), reason.value.trim())
        .catch((error) => { outcome.textContent = failureMessage(error, "connectionFailed"); });
    });
    return h("details", { class: "results-tie-group" },
      h("summary", {}, t("resultsTieGroup", rank, group.length)), list, h("div", { class: "row" }, reason, save), outcome);
  }));
}

function rankingSection(results: JudgingResultsView, showEntry: (entry: EntryLabel) => void, decide: DecideTieOrder): HTMLElement {
  const organiserDecides = results.settings.tieBreaks.some((rule) => rule.kind === "OrganiserDecision");
  return h("section", { "data-testid": "results-ranking" },
    h("h3", {}, t("resultsRanking")),
    h("p", { class: "muted" }, t("resultsMethod", t(`resultsMethod${results.settings.method}` as TextKey))),
    results.divisions.length === 0 ? h("p", { class: "muted" }, t("resultsNoResults")) : null,
    ...results.divisions.map((division) => h("div", { "data-testid": "results-division", "data-division": division.division },
      h("h4", {}, t("resultsRankingOf", division.divisionName, formatNumber(division.maximum))),
      h("div", { class: "table-scroll" }, h("table", { class: "data" },
        h("thead", {}, h("tr", {}, ...(["resultsRank", "resultsTeam", "resultsDistrict", "resultsScore", "resultsJudgeCount"] as TextKey[]).map((key) => h("th", {}, t(key))))),
        h("tbody", {}, ...division.rows.map((row) => h("tr", { "data-rank": row.rank, class: row.tied ? "results-tied" : undefined },
          h("td", {}, String(row.rank),
            row.tied ? h("span", { class: "results-tie" }, t("resultsTied")) : null,
            row.decidedBy ? h("span", { class: "muted results-rule" }, t("resultsDecidedBy", ruleName(row.decidedBy))) : null),
          h("td", {}, entryButton(row.entry, showEntry), h("div", { class: "muted" }, row.entry.school)),
          h("td", {}, row.entry.district),
          h("td", { class: "results-score" }, formatNumber(round2(row.score))),
          h("td", {}, String(row.judgeCount))))))),
      organiserDecides ? tieOrderEditors(division, decide) : null)));
}

async function sideBySideSection(
  base: string, divisions: string[], showEntry: (entry: EntryLabel) => void, initial: string | undefined, chosen: (division: string) => void,
): Promise<HTMLElement | null> {
  if (divisions.length === 0) return null;
  const table = h("div", { class: "table-scroll" });
  const choose = h("select", { name: "division", "aria-label": t("resultsDivision") },
    ...divisions.map((division) => h("option", { value: division }, division)));
  if (initial !== undefined && divisions.includes(initial)) choose.value = initial;
  const show = async () => {
    const matrix = await api<SideBySideView>("GET", `${base}/side-by-side?division=${encodeURIComponent(choose.value)}`);
    replaceChildren(table, sideBySideTable(matrix, showEntry));
  };
  choose.addEventListener("change", () => { chosen(choose.value); void show(); });
  await show();
  return h("section", { "data-testid": "results-side-by-side" }, h("h3", {}, t("resultsSideBySide")), h("label", { class: "field" }, h("span", { class: "label" }, t("resultsDivision")), choose), table);
}

function sideBySideTable(matrix: SideBySideView, showEntry: (entry: EntryLabel) => void): HTMLElement {
  return h("table", { class: "data results-matrix" },
    h("thead", {}, h("tr", {}, h("th", {}, t("resultsTeam")), h("th", {}, t("resultsScore")), ...matrix.judges.map((judge) => h("th", {}, judge.name)))),
    h("tbody", {}, ...matrix.rows.map((row) => h("tr", {},
      h("td", {}, entryButton(row.entry, showEntry)),
      h("td", { class: "results-score" }, row.score === null || row.score === undefined ? "" : formatNumber(round2(row.score))),
      ...row.cells.map((cell) => h("td", { class: cell.scores ? undefined : "muted" },
        cell.scores
          ? h("span", {}, h("strong", {}, formatNumber(cell.total ?? 0)),
            h("span", { class: "results-criteria" }, matrix.criteria.map((code) => `${code} ${formatNumber(cell.scores?.[code] ?? 0)}`).join(" · ")))
          : cell.assigned ? t("resultsNotScored") : t("resultsNotAssigned")))))));
}

/**
 * Every version of every judge's sheet for the entry, each sheet with its "Correct" action; after a correction
 * `corrected` reloads the whole panel, and `notice` then says how the correction went.
 */
async function entryDetail(
  roundBase: string, entry: EntryLabel, slot: HTMLElement, corrected: (entry: EntryLabel, notice: CorrectionNotice) => void, notice?: CorrectionNotice,
): Promise<void> {
  try {
    const history = await api<EntryHistoryView>("GET", `${roundBase}/judging/entries/${entry.entryId}/history`);
    const reload = (text: string, failed: boolean) => corrected(entry, { text, failed });
    replaceChildren(slot, h("section", { class: "results-history", "data-testid": "results-history" },
      h("h3", {}, t("resultsHistory", `${history.entry.code} ${history.entry.name}`.trim())),
      correctionNotice(notice),
      ...history.sheets.map((sheet) => {
        const correction = h("div", {});
        return h("div", { class: "results-sheet", "data-judge": sheet.judge.judgeId },
          h("div", { class: "row spread" },
            h("h4", {}, sheet.judge.name, sheet.counted ? null : h("span", { class: "muted" }, ` (${t("resultsNotCounted")})`)),
            correctAction(roundBase, history, sheet, correction, reload)),
          h("ol", {}, ...sheet.versions.map((version) => h("li", { "data-version": version.number },
            h("strong", {}, `${t("resultsVersion", version.number)} · ${t(version.correction ? "resultsCorrected" : "resultsSubmitted")} · ${formatDateTime(version.at)} · ${version.by.name}`),
            h("div", {}, `${t("resultsTotal")} ${formatNumber(version.total)} — ${version.scores.map((score) => `${score.code} ${formatNumber(score.value)}`).join(" · ")}`),
            version.reason ? h("div", {}, t("resultsReason", version.reason)) : null,
            version.comment ? h("div", { class: "muted" }, t("resultsComment", version.comment)) : null))),
          correction);
      }),
      history.owed.length > 0
        ? h("p", { class: "muted", "data-testid": "results-owed" }, `${t("resultsMissingJudges")}: ${history.owed.map((judge) => judge.name).join(", ")}`)
        : null));
    slot.scrollIntoView({ block: "start" });
  } catch (error) {
    replaceChildren(slot, h("p", { class: "error", role: "alert" }, failureMessage(error, "connectionFailed")));
  }
}
