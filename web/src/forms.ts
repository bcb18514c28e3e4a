import { errorsByInput, isRefusal } from "./api/problems";
import { h, replaceChildren } from "./dom";
import { t, type TextKey } from "./i18n";

// Form helpers shared by the team portal and the organiser console: labelled inputs named by their JSON path,
// and server refusals shown beside the input they are about.

export function field(labelKey: TextKey, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hintKey?: TextKey): HTMLLabelElement {
  return h("label", { class: "field" },
    h("span", { class: "label" }, t(labelKey), hintKey ? h("small", { class: "muted" }, ` (${t(hintKey)})`) : null),
    input,
    h("span", { class: "field-error", "data-error-for": input.name }));
}

export function input(name: string, type = "text", attributes: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h("input", { name, type, ...attributes });
}

export function select(name: string, options: { value: string; label: string }[], placeholder?: string): HTMLSelectElement {
  return h("select", { name },
    placeholder ? h("option", { value: "" }, placeholder) : null,
    ...options.map((option) => h("option", { value: option.value }, option.label)));
}

export function clearErrors(form: HTMLFormElement, summary: HTMLElement): void {
  form.querySelectorAll<HTMLElement>("[data-error-for]").forEach((element) => (element.textContent = ""));
  form.querySelectorAll(".invalid").forEach((element) => element.classList.remove("invalid"));
  summary.hidden = true;
  replaceChildren(summary);
}

/**
 * Puts each message beside its input and lists every message in the summary at the top; when the server did not
 * answer, says what to do instead (adviceKey).
 */
export function showErrors(form: HTMLFormElement, summary: HTMLElement, error: unknown, adviceKey: TextKey = "networkError"): void {
  clearErrors(form, summary);
  if (!isRefusal(error)) {
    replaceChildren(summary, h("p", {}, t(adviceKey)));
    summary.hidden = false;
    return;
  }
  const names = new Set(Array.from(form.elements, (element) => (element as HTMLInputElement).name).filter(Boolean));
  const { fields, unplaced } = errorsByInput(error.problem, names);
  for (const [name, messages] of fields) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
    if (slot) slot.textContent = messages.join(" ");
    form.querySelector(`[name="${CSS.escape(name)}"]`)?.classList.add("invalid");
  }
  const messages = [...fields.values()].flat().concat(unplaced);
  replaceChildren(summary, ...(fields.size === 0 && messages.length === 1
    ? [h("p", {}, messages[0])]
    : [h("p", {}, t("fixErrors")), h("ul", {}, ...messages.map((message) => h("li", {}, message)))]));
  summary.hidden = false;
  summary.scrollIntoView({ block: "start" });
}

/** One line for a failed call: the server's own words for a refusal, otherwise the given advice to try again. */
export function failureMessage(error: unknown, adviceKey: TextKey): string {
  return isRefusal(error) ? error.problem.title : t(adviceKey);
}

export function value(form: HTMLFormElement, name: string): string {
  const element = form.elements.namedItem(name) as HTMLInputElement | null;
  return element?.value.trim() ?? "";
}

export function optional(text: string): string | null {
  return text === "" ? null : text;
}
