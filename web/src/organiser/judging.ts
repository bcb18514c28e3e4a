import { api, apiWithETag } from "../api/client";
import type { components } from "../api/schema";
import type { ContestView, IssuedSignInCode } from "../api/types";
import { h, qrImage, replaceChildren } from "../dom";
import { clearErrors, failureMessage, field, input, optional, select, showErrors, value } from "../forms";
import { formatDateTime } from "../format";
import { t, type TextKey } from "../i18n";
import "./judging.css";

// The organisers' judging set-up: the contest's judges with the affiliations that keep them from conflicts of
// interest, and for each judged round its rubric, its aggregation and tie-break rules, and its panels.

type Schemas = components["schemas"];
type JudgeView = Schemas["JudgeView"];
type PanelView = Schemas["PanelView"];
type RoundJudgingView = Schemas["RoundJudgingView"];
type RoundDefinition = Schemas["RoundDefinition"];
type Criterion = Schemas["Criterion"];
type TieBreakRule = Schemas["TieBreakRule"];
type AggregationMethod = Schemas["AggregationMethod"];
type TieBreakKind = Schemas["TieBreakKind"];

const methods: AggregationMethod[] = ["Mean", "TrimmedMean", "Median", "StandardisedMean"];
const tieBreakKinds: TieBreakKind[] = ["HigherCriterion", "HigherMedian", "OrganiserDecision"];

/** The judges panel and one panel per judged round; panels follow the judges list as judges are added or removed. */
export async function judgingPanels(contest: ContestView): Promise<HTMLElement> {
  const judges = new JudgeList(contest);
  await judges.load();
  const rounds = contest.rounds.filter((round) => round.type === "JudgedSubmissions");
  const roundPanels = await Promise.all(rounds.map((round) => roundPanel(contest, round, judges)));
  return h("div", { class: "judging", "data-testid": "judging" },
    judgesPanel(judges),
    ...(rounds.length === 0 ? [h("p", { class: "muted" }, t("judgingNoJudgedRound"))] : roundPanels));
}

/** The contest's judges, loaded once and shared by the panels that list them; listeners re-render on change. */
class JudgeList {
  all: JudgeView[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly contest: ContestView) {}

  get url(): string {
    return `/api/contests/${this.contest.id}/judges`;
  }

  async load(): Promise<void> {
    this.all = await api<JudgeView[]>("GET", this.url);
    this.listeners.forEach((listener) => listener());
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

function textarea(name: string, text: string[] = [], rows = 2): HTMLTextAreaElement {
  const area = h("textarea", { name, rows });
  area.value = text.join("\n");
  return area;
}

/** Checkboxes sharing one name, with the slot where a refusal about that name is shown. */
function checkboxes(name: string, options: { value: string; label: string }[], checked: readonly string[], testId?: string): HTMLElement {
  return h("div", { "data-testid": testId },
    h("div", { class: "judging-choices" }, ...options.map((option) => {
      const box = h("input", { type: "checkbox", name, value: option.value });
      box.checked = checked.includes(option.value);
      return h("label", { class: "judging-choice" }, box, option.label);
    })),
    h("span", { class: "field-error", "data-error-for": name }));
}

function checked(form: HTMLFormElement, name: string): string[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`), (box) => box.value);
}

/** Rows whose inputs are named by their position (criteria[2].weight): renumbered when a row goes, so refusals land on the right input. */
function renumber(list: HTMLElement, prefix: string): void {
  Array.from(list.children).forEach((row, index) => {
    row.querySelectorAll<HTMLElement>("[data-key]").forEach((element) => {
      const name = `${prefix}[${index}].${element.dataset.key}`;
      if (element.hasAttribute("data-error-for")) element.setAttribute("data-error-for", name);
      else element.setAttribute("name", name);
    });
  });
}

/** An input and its error slot that follow their row's position (see renumber). */
function rowField(labelKey: TextKey, key: string, control: HTMLInputElement | HTMLSelectElement, extraClass = ""): HTMLElement {
  control.dataset.key = key;
  return h("label", { class: `field ${extraClass}`.trim() }, h("span", { class: "label" }, t(labelKey)), control, h("span", { class: "field-error", "data-key": key, "data-error-for": "" }));
}

function saved(testId: string): HTMLElement {
  return h("p", { class: "notice", hidden: true, "data-testid": testId }, t("saved"));
}

function judgesPanel(judges: JudgeList): HTMLElement {
  const body = h("tbody");
  const issued = h("div", { "data-testid": "judge-code" });
  const formSlot = h("div");
  const outcome = h("p", { class: "error", role: "alert" });
  const attempt = (action: () => Promise<void>) => {
    outcome.textContent = "";
    return action().catch((error) => { outcome.textContent = failureMessage(error, "connectionFailed"); });
  };
  const showForm = (judge?: JudgeView) => {
    replaceChildren(formSlot, judgeForm(judges, judge, () => showForm()));
    if (judge) formSlot.scrollIntoView({ block: "start" });
  };
  const issueCode = async (judge: JudgeView) => {
    const code = await api<IssuedSignInCode>("POST", `${judges.url}/${judge.id}/sign-in-code`, {});
    replaceChildren(issued, h("section", { class: "issued" },
      qrImage(code.qrCodeSvg, code.signInUrl),
      h("div", {},
        h("h3", {}, t("judgingCodeFor", judge.name)),
        h("p", { class: "team-code", "data-testid": "judge-code-value" }, code.code),
        h("p", {}, h("a", { href: code.signInUrl }, code.signInUrl)),
        h("p", { class: "muted" }, t("codeExpires", formatDateTime(code.expiresAt))))));
  };
  const remove = async (judge: JudgeView) => {
    if (!window.confirm(t("judgingConfirmRemove", judge.name))) return;
    await api("DELETE", `${judges.url}/${judge.id}`, undefined, { "If-Match": `"${judge.version}"` });
    await judges.load();
  };
  const button = (labelKey: TextKey, testId: string, action: () => Promise<void>) => {
    const element = h("button", { type: "button", class: "secondary", "data-testid": testId }, t(labelKey));
    element.addEventListener("click", () => void attempt(action));
    return element;
  };
  const render = () => replaceChildren(body, ...(judges.all.length === 0
    ? [h("tr", {}, h("td", { colspan: 4, class: "muted" }, t("judgingNoJudges")))]
    : judges.all.map((judge) => h("tr", { "data-judge": judge.name },
      h("td", {}, judge.name, judge.headJudge ? h("span", { class: "status-badge" }, ` ${t("judgingHeadJudge")}`) : null),
      h("td", { "data-testid": "affiliations" }, [...judge.schools, ...judge.districts, ...judge.organisations].join(" · ")),
      h("td", {}, [judge.phone, judge.email].filter(Boolean).join(" · ")),
      h("td", {}, h("span", { class: "judging-actions" },
        button("judgingEdit", "edit-judge", async () => showForm(judge)),
        button("judgingIssueCode", "issue-judge-code", () => issueCode(judge)),
        button("judgingRemove", "remove-judge", () => remove(judge))))))));
  judges.onChange(render);
  render();
  showForm();
  return h("details", { class: "panel", "data-testid": "judges-panel" },
    h("summary", {}, t("judgingJudgesTitle")),
    h("p", { class: "muted" }, t("judgingJudgesHint")),
    outcome,
    h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, ...(["fullName", "judgingAffiliations", "judgingContact"] as TextKey[]).map((key) => h("th", {}, t(key))), h("th", {}))),
      body)),
    issued,
    formSlot);
}

/** Adds a judge (with an Idempotency-Key, so a double click adds one) or edits one at the version shown. */
function judgeForm(judges: JudgeList, judge: JudgeView | undefined, done: () => void): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const head = h("input", { type: "checkbox", name: "headJudge" });
  head.checked = judge?.headJudge ?? false;
  const idempotencyKey = crypto.randomUUID();
  const cancel = h("button", { type: "button", class: "secondary" }, t("judgingCancel"));
  cancel.addEventListener("click", done);
  const form = h("form", { class: "stack judging-box", "data-testid": "judge-form" },
    h("h3", {}, judge ? judge.name : t("judgingNewJudge")),
    summary,
    field("judgingJudgeName", input("name", "text", { value: judge?.name ?? "" })),
    h("div", { class: "row" },
      field("judgingSchools", textarea("schools", judge?.schools)),
      field("judgingDistricts", textarea("districts", judge?.districts)),
      field("judgingOrganisations", textarea("organisations", judge?.organisations))),
    h("div", { class: "row" },
      field("phone", input("phone", "tel", { value: judge?.phone ?? "" })),
      field("email", input("email", "email", { value: judge?.email ?? "" }))),
    h("label", { class: "judging-choice" }, head, t("judgingHeadJudge")),
    h("div", { class: "row" },
      h("button", { type: "submit", class: "primary", "data-testid": "save-judge" }, t(judge ? "judgingSaveJudge" : "judgingAddJudge")),
      judge ? cancel : null));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const profile = {
      name: value(form, "name"),
      schools: lines(value(form, "schools")),
      districts: lines(value(form, "districts")),
      organisations: lines(value(form, "organisations")),
      phone: optional(value(form, "phone")),
      email: optional(value(form, "email")),
      headJudge: head.checked,
    };
    try {
      if (judge) await api("PUT", `${judges.url}/${judge.id}`, profile, { "If-Match": `"${judge.version}"` });
      else await api("POST", judges.url, profile, { "Idempotency-Key": idempotencyKey });
      await judges.load();
      done();
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return form;
}

async function roundPanel(contest: ContestView, round: RoundDefinition, judges: JudgeList): Promise<HTMLElement> {
  const url = `/api/contests/${contest.id}/rounds/${round.id}`;
  const { body: judging, etag } = await apiWithETag<RoundJudgingView>("GET", `${url}/judging`);
  // Rubric and ranking rules share one version: each save answers the next If-Match.
  const version = { etag: etag ?? `"${judging.version}"` };
  const settingsSlot = h("div");
  const showSettings = (view: RoundJudgingView) => replaceChildren(settingsSlot, settingsForm(url, view, version));
  showSettings(judging);
  return h("details", { class: "panel", "data-round": round.name },
    h("summary", {}, t("judgingRoundTitle", round.name)),
    rubricForm(contest, url, judging, version, showSettings),
    settingsSlot,
    await panelsSection(contest, url, judges));
}

function rubricForm(contest: ContestView, url: string, judging: RoundJudgingView, version: { etag: string }, onSaved: (view: RoundJudgingView) => void): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const list = h("div", { class: "stack" });
  const maxima = h("p", { class: "muted", "data-testid": "rubric-maxima" });
  const showMaxima = (view: RoundJudgingView) => {
    maxima.textContent = view.maxima.length === 0 ? "" : t("judgingMaxima", view.maxima.map((item) => `${item.division} ${item.maximum}`).join(", "));
  };
  const divisionOptions = contest.divisions.map((division) => ({ value: division.code, label: division.code }));
  const addCriterion = (criterion?: Criterion) => {
    const divisions = checkboxes("", divisionOptions, criterion?.divisions ?? []);
    divisions.querySelectorAll<HTMLInputElement>("input").forEach((box) => { box.dataset.key = "divisions"; });
    const errorSlot = divisions.querySelector<HTMLElement>("[data-error-for]")!;
    errorSlot.dataset.key = "divisions";
    const remove = h("button", { type: "button", class: "secondary" }, t("judgingRemove"));
    const row = h("div", { class: "repeat judging-criterion", "data-criterion": criterion?.code ?? "" },
      rowField("judgingCriterionCode", "code", input("", "text", { value: criterion?.code ?? `C${list.children.length + 1}`, size: 8 }), "judging-code"),
      rowField("judgingCriterionDescription", "description", input("", "text", { value: criterion?.description ?? "" }), "judging-description"),
      rowField("judgingMaximum", "maximum", input("", "number", { value: criterion?.maximum ?? 10, min: 0, step: "any" })),
      rowField("judgingStep", "step", input("", "number", { value: criterion?.step ?? 0.5, min: 0, step: "any" })),
      rowField("judgingWeight", "weight", input("", "number", { value: criterion?.weight ?? 1, min: 0, step: "any" })),
      h("div", { class: "field" }, h("span", { class: "label" }, t("division")), divisions),
      remove);
    remove.addEventListener("click", () => { row.remove(); renumber(list, "criteria"); });
    list.append(row);
    renumber(list, "criteria");
  };
  judging.criteria.forEach((criterion) => addCriterion(criterion));
  if (judging.criteria.length === 0) addCriterion();
  showMaxima(judging);
  const add = h("button", { type: "button", class: "secondary", "data-testid": "add-criterion" }, t("judgingAddCriterion"));
  add.addEventListener("click", () => addCriterion());
  const notice = saved("rubric-saved");
  const form = h("form", { class: "stack", "data-testid": "rubric-form" },
    h("h3", {}, t("judgingRubric")), h("p", { class: "muted" }, t("judgingRubricHint")), summary, notice, list, add, maxima,
    h("button", { type: "submit", class: "primary", "data-testid": "save-rubric" }, t("judgingSaveRubric")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    notice.hidden = true;
    const number = (name: string) => (value(form, name) === "" ? null : Number(value(form, name)));
    const criteria = Array.from(list.children, (_, index) => ({
      code: value(form, `criteria[${index}].code`),
      description: value(form, `criteria[${index}].description`),
      maximum: number(`criteria[${index}].maximum`),
      step: number(`criteria[${index}].step`),
      weight: number(`criteria[${index}].weight`),
      divisions: checked(form, `criteria[${index}].divisions`),
    }));
    try {
      const { body, etag } = await apiWithETag<RoundJudgingView>("PUT", `${url}/judging/rubric`, { criteria }, { "If-Match": version.etag });
      version.etag = etag ?? `"${body.version}"`;
      showMaxima(body);
      onSaved(body);
      notice.hidden = false;
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return form;
}

function settingsForm(url: string, judging: RoundJudgingView, version: { etag: string }): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const settings = judging.settings;
  const method = select("method", methods.map((name) => ({ value: name, label: t(`judgingMethod${name}` as TextKey) })));
  method.value = settings.method;
  const methodField = field("judgingMethod", method);
  methodField.classList.add("judging-method");
  const trim = field("judgingTrim", input("trimEachEnd", "number", { value: settings.trimEachEnd, min: 0, max: 5 }));
  const showTrim = () => { trim.hidden = method.value !== "TrimmedMean"; };
  method.addEventListener("change", showTrim);
  showTrim();
  const codes = judging.criteria.map((criterion) => ({ value: criterion.code, label: `${criterion.code} — ${criterion.description}` }));
  const list = h("div", { class: "stack" });
  const addRule = (rule?: TieBreakRule) => {
    const kind = select("", tieBreakKinds.map((name) => ({ value: name, label: t(`judgingTieBreak${name}` as TextKey) })));
    kind.value = rule?.kind ?? "HigherCriterion";
    const criterion = select("", codes);
    criterion.value = rule?.criterion ?? codes[0]?.value ?? "";
    const criterionField = rowField("judgingCriterion", "criterion", criterion);
    const showCriterion = () => { criterionField.hidden = kind.value !== "HigherCriterion"; };
    kind.addEventListener("change", showCriterion);
    showCriterion();
    const remove = h("button", { type: "button", class: "secondary" }, t("judgingRemove"));
    const row = h("div", { class: "row judging-rule", "data-tie-break": "" }, rowField("judgingRule", "kind", kind), criterionField, remove);
    remove.addEventListener("click", () => { row.remove(); renumber(list, "tieBreaks"); });
    list.append(row);
    renumber(list, "tieBreaks");
  };
  settings.tieBreaks.forEach((rule) => addRule(rule));
  const add = h("button", { type: "button", class: "secondary", "data-testid": "add-tie-break" }, t("judgingAddTieBreak"));
  add.addEventListener("click", () => addRule());
  const notice = saved("ranking-saved");
  const form = h("form", { class: "stack", "data-testid": "ranking-form" },
    h("h3", {}, t("judgingRanking")), summary, notice,
    h("div", { class: "row" },
      methodField,
      trim,
      field("judgingJudgesPerEntry", input("judgesPerEntry", "number", { value: settings.judgesPerEntry, min: 1, max: 15 }))),
    h("span", { class: "label" }, t("judgingTieBreaks")), list, add,
    h("p", { class: "muted" }, t("judgingTiesStay")),
    h("button", { type: "submit", class: "primary", "data-testid": "save-ranking" }, t("judgingSaveRanking")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    notice.hidden = true;
    const tieBreaks = Array.from(list.children, (_, index) => {
      const kind = value(form, `tieBreaks[${index}].kind`);
      return { kind, criterion: kind === "HigherCriterion" ? value(form, `tieBreaks[${index}].criterion`) : null };
    });
    try {
      const { body, etag } = await apiWithETag<RoundJudgingView>("PUT", `${url}/judging/settings`, {
        method: method.value,
        trimEachEnd: Number(value(form, "trimEachEnd")),
        judgesPerEntry: Number(value(form, "judgesPerEntry")),
        tieBreaks,
      }, { "If-Match": version.etag });
      version.etag = etag ?? `"${body.version}"`;
      notice.hidden = false;
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return form;
}

async function panelsSection(contest: ContestView, url: string, judges: JudgeList): Promise<HTMLElement> {
  const list = h("div", { class: "stack", "data-testid": "panels" });
  const creating = h("div");
  const refresh = async () => {
    const panels = await api<PanelView[]>("GET", `${url}/panels`);
    replaceChildren(list, ...(panels.length === 0 ? [h("p", { class: "muted" }, t("judgingNoPanels"))] : panels.map((panel) => panelForm(contest, url, judges, panel, refresh))));
    replaceChildren(creating, panelForm(contest, url, judges, undefined, refresh));
  };
  // A judge added or removed above appears in, or leaves, every panel's list of members.
  judges.onChange(() => void refresh());
  await refresh();
  return h("section", {}, h("h3", {}, t("judgingPanels")), list, creating);
}

/** One panel's name, scope and members, saved at the version shown; without a panel, the form that creates one. */
function panelForm(contest: ContestView, url: string, judges: JudgeList, panel: PanelView | undefined, refresh: () => Promise<void>): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const idempotencyKey = crypto.randomUUID();
  const members = panel?.members.map((member) => member.judgeId) ?? [];
  const remove = h("button", { type: "button", class: "secondary", "data-testid": "remove-panel" }, t("judgingRemove"));
  const form = h("form", { class: "stack judging-box", "data-panel": panel?.name ?? "", "data-testid": panel ? "panel-form" : "new-panel-form" },
    h("strong", {}, panel ? panel.name : t("judgingNewPanel")),
    summary,
    field("judgingPanelName", input("name", "text", { value: panel?.name ?? "" })),
    h("div", { class: "field" }, h("span", { class: "label" }, t("judgingDivisions")),
      checkboxes("divisions", contest.divisions.map((division) => ({ value: division.code, label: `${division.code} — ${division.name}` })), panel?.divisions ?? [])),
    field("judgingFields", textarea("fields", panel?.fields)),
    h("div", { class: "field" }, h("span", { class: "label" }, t("judgingMembers")),
      checkboxes("members", judges.all.map((judge) => ({ value: judge.id, label: judge.name })), members, "panel-members")),
    h("div", { class: "row" },
      h("button", { type: "submit", class: "primary", "data-testid": "save-panel" }, t(panel ? "judgingSavePanel" : "judgingCreatePanel")),
      panel ? remove : null));
  const request = () => ({ name: value(form, "name"), divisions: checked(form, "divisions"), fields: lines(value(form, "fields")), members: checked(form, "members") });
  const act = async (action: () => Promise<unknown>) => {
    clearErrors(form, summary);
    try {
      await action();
      await refresh();
    } catch (error) {
      showErrors(form, summary, error);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void act(() => panel
      ? api("PUT", `${url}/panels/${panel.id}`, request(), { "If-Match": `"${panel.version}"` })
      : api("POST", `${url}/panels`, request(), { "Idempotency-Key": idempotencyKey }));
  });
  remove.addEventListener("click", () => void act(() => api("DELETE", `${url}/panels/${panel!.id}`, undefined, { "If-Match": `"${panel!.version}"` })));
  return form;
}
