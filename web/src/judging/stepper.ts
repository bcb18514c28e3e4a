import type { components } from "../api/schema";
import { h } from "../dom";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { stepValue } from "./steps";
import "./stepper.css";

// A rubric criterion with big − and + buttons, as judges score on the tablet and as the head judge or an organiser
// corrects a sheet: the same control on every screen that scores, inside an element of class "rubric".

type Criterion = components["schemas"]["Criterion"];

/** A criterion whose value moves by its step between 0 and its maximum; `changed` runs after every move. */
export function criterionStepper(criterion: Criterion, values: Map<string, number>, changed: () => void): HTMLElement {
  const { code } = criterion;
  const maximum = Number(criterion.maximum);
  const step = Number(criterion.step);
  const current = values.get(code);
  const show = h("output", { class: "value", "data-testid": `value-${code}` }, current === undefined ? "–" : formatNumber(current));
  const move = (steps: number) => {
    values.set(code, stepValue(values.get(code), steps, step, maximum));
    changed();
  };
  const less = h("button", { type: "button", class: "step", "aria-label": `${t("scoringLess")} ${code}`, "data-testid": `minus-${code}` }, "−");
  less.addEventListener("click", () => move(-1));
  const more = h("button", { type: "button", class: "step", "aria-label": `${t("scoringMore")} ${code}`, "data-testid": `plus-${code}` }, "+");
  more.addEventListener("click", () => move(1));
  less.toggleAttribute("disabled", current === undefined || current <= 0);
  more.toggleAttribute("disabled", current !== undefined && current >= maximum);
  return h("div", { class: "criterion" },
    h("div", {}, h("strong", {}, code), ` ${criterion.description}`,
      h("div", { class: "muted" }, t("scoringCriterionLimit", formatNumber(maximum), formatNumber(step), formatNumber(Number(criterion.weight))))),
    h("div", { class: "stepper" }, less, show, more));
}
