import { api } from "../api/client";
import { isRefusal } from "../api/problems";
import type { components } from "../api/schema";
import { h, replaceChildren } from "../dom";
import { clearErrors, field, showErrors } from "../forms";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { requestKeys } from "./correctionRules";
import { criterionStepper } from "./stepper";
import { sheetTotal } from "./steps";
import "./correction.css";

// Correcting one judge's submitted sheet, as the head judge does on the tablet and an organiser in the console: the
// same steppers as the scoring screen, starting from the sheet's current version, a comment and a mandatory reason,
// sent with the sheet's version as If-Match (from the entry's history view) and one Idempotency-Key per correction.

type Schemas = components["schemas"];
export type EntryHistoryView = Schemas["EntryHistoryView"];
export type SheetHistoryView = Schemas["SheetHistoryView"];
type ScoreSheetView = Schemas["ScoreSheetView"];

/** What the screen says after a correction reached the server; `failed` when it was refused because the sheet moved on. */
export type Reload = (notice: string, failed: boolean) => void;

/** How the last correction went, shown above the entry's sheets once they are read again. */
export type CorrectionNotice = { text: string; failed: boolean };

export function correctionNotice(notice: CorrectionNotice | undefined): HTMLElement | null {
  return notice
    ? h("p", { class: `notice${notice.failed ? " error" : ""}`, role: notice.failed ? "alert" : "status", "data-testid": "correction-notice" }, notice.text)
    : null;
}

/** The sheet's current version: the last one submitted or corrected (the history lists only sheets that have one). */
export function currentVersion(sheet: SheetHistoryView): Schemas["SheetVersion"] {
  return sheet.versions.at(-1)!;
}

/**
 * The form correcting `sheet` of the entry in `history`. A save, and a 412 (someone corrected the sheet first), end
 * in `reload` so the screen reads the entry again and shows the newest version; other refusals (409 locked or not
 * allowed, 422 reason missing or a score off the rubric) stay on the form beside what they are about.
 */
export function correctionForm(roundBase: string, history: EntryHistoryView, sheet: SheetHistoryView, reload: Reload, cancel: () => void): HTMLFormElement {
  const current = currentVersion(sheet);
  const values = new Map(current.scores.map((score) => [score.code, Number(score.value)]));
  const steppers = h("div", {});
  const total = h("p", { class: "big total", "data-testid": "correction-total" });
  const render = () => {
    replaceChildren(steppers, ...history.criteria.map((criterion) => criterionStepper(criterion, values, render)));
    total.textContent = t("scoringTotal", formatNumber(sheetTotal(history.criteria, values)), formatNumber(Number(history.maximum)));
  };
  render();
  const comment = h("textarea", { name: "comment", rows: 2, "data-testid": "correction-comment" });
  comment.value = current.comment ?? "";
  const reason = h("input", { name: "reason", type: "text", autocomplete: "off", "data-testid": "correction-reason" });
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true, "data-testid": "correction-errors" });
  const send = h("button", { type: "submit", class: "primary", "data-testid": "correction-send" }, t("scoringCorrect"));
  const close = h("button", { type: "button", class: "secondary", "data-testid": "correction-cancel" }, t("correctionCancel"));
  close.addEventListener("click", cancel);
  const form = h("form", { class: "correction rubric panel", "data-testid": "correction-form", "data-judge": sheet.judge.judgeId, novalidate: true },
    h("h4", {}, t("correctionTitle", sheet.judge.name, current.number)),
    summary, steppers, total, field("scoringComment", comment), field("correctionReason", reason),
    h("div", { class: "row" }, send, close));

  const keyFor = requestKeys();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const body = {
      scores: history.criteria.filter((criterion) => values.has(criterion.code)).map((criterion) => ({ code: criterion.code, value: values.get(criterion.code)! })),
      comment: comment.value.trim() || null,
      reason: reason.value.trim() || null,
    };
    send.disabled = true;
    const url = `${roundBase}/scoring/${history.entry.entryId}/judges/${sheet.judge.judgeId}/correction`;
    api<ScoreSheetView>("POST", url, body, { "If-Match": `"${sheet.version}"`, "Idempotency-Key": keyFor(body) })
      .then((saved) => reload(t("correctionSaved", sheet.judge.name, current.number + 1, formatNumber(Number(saved.total ?? 0))), false))
      .catch((error: unknown) => {
        if (isRefusal(error) && error.problem.status === 412) reload(t("correctionStale", error.problem.title), true);
        else showErrors(form, summary, error);
      })
      .finally(() => { send.disabled = false; });
  });
  return form;
}

/** The "Correct" button of one sheet: opens the form in `slot` (one form at a time there) and puts it in view. */
export function correctAction(roundBase: string, history: EntryHistoryView, sheet: SheetHistoryView, slot: HTMLElement, reload: Reload): HTMLButtonElement {
  const button = h("button", { type: "button", class: "secondary correct-action", "data-testid": "correct-sheet", "data-judge": sheet.judge.judgeId }, t("correctionAction"));
  button.addEventListener("click", () => {
    replaceChildren(slot, correctionForm(roundBase, history, sheet, reload, () => replaceChildren(slot)));
    slot.scrollIntoView({ block: "nearest" });
  });
  return button;
}
