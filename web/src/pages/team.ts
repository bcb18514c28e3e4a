import { takeCodeFromAddress } from "../address";
import { api, apiWithETag, whoAmI } from "../api/client";
import type { ContestView, MemberForm, MentorForm, TeamDetails, TeamForm, TeamRegistration } from "../api/types";
import { h, qrImage, replaceChildren } from "../dom";
import { clearErrors, failureMessage, field, input, optional, select, showErrors, value } from "../forms";
import { t, type TextKey } from "../i18n";
import { resolveContest } from "../contests";
import { entriesSection } from "../entries/portal";
import { inboxPanel } from "../notifications/inbox";
import { mountShell } from "../shell";

const main = mountShell();
main.append(h("p", {}, t("loading")));

type Row = Record<string, string>;

/** Repeating groups (members, mentors) whose inputs are named members[0].fullName, … like the API's error paths. */
function repeater(kind: "members" | "mentors", fields: (prefix: string, row: Row) => HTMLElement[], addKey: "addMember" | "addMentor", rows: Row[]): HTMLElement {
  const list = h("div", { class: "repeater" });
  const renumber = () => list.querySelectorAll<HTMLElement>(".repeat").forEach((row, index) => {
    row.querySelectorAll<HTMLInputElement>("[name]").forEach((element) => {
      element.name = element.name.replace(/^\w+\[\d+\]/, `${kind}[${index}]`);
    });
    row.querySelectorAll<HTMLElement>("[data-error-for]").forEach((element) => {
      element.dataset.errorFor = element.dataset.errorFor!.replace(/^\w+\[\d+\]/, `${kind}[${index}]`);
    });
  });
  const add = (row: Row) => {
    const remove = h("button", { type: "button", class: "secondary" }, t("remove"));
    const fieldset = h("fieldset", { class: "repeat" }, ...fields(`${kind}[${list.children.length}]`, row), remove);
    remove.addEventListener("click", () => { fieldset.remove(); renumber(); });
    list.append(fieldset);
  };
  const addButton = h("button", { type: "button", class: "secondary" }, t(addKey));
  addButton.addEventListener("click", () => add({}));
  (rows.length > 0 ? rows : [{}]).forEach(add);
  return h("section", {}, h("h2", {}, t(kind)), list, addButton);
}

/** Reads the filled-in rows; a row left entirely blank (the empty mentor row a team without mentors leaves) is not sent. */
function readRows<T>(form: HTMLFormElement, kind: string, read: (prefix: string) => T): T[] {
  const rows: T[] = [];
  for (let index = 0; form.elements.namedItem(`${kind}[${index}].fullName`); index++) {
    const prefix = `${kind}[${index}]`;
    const inputs = Array.from(form.elements).filter((element) => (element as HTMLInputElement).name?.startsWith(`${prefix}.`));
    if (inputs.some((element) => (element as HTMLInputElement).value.trim() !== "")) rows.push(read(prefix));
  }
  return rows;
}

function readTeam(form: HTMLFormElement): TeamForm {
  return {
    name: value(form, "name"),
    school: value(form, "school"),
    district: value(form, "district"),
    divisionCode: value(form, "divisionCode"),
    contactPhone: value(form, "contactPhone"),
    contactEmail: value(form, "contactEmail"),
    members: readRows<MemberForm>(form, "members", (prefix) => ({
      fullName: value(form, `${prefix}.fullName`),
      dateOfBirth: optional(value(form, `${prefix}.dateOfBirth`)),
      grade: value(form, `${prefix}.grade`) === "" ? null : Number(value(form, `${prefix}.grade`)),
      gender: optional(value(form, `${prefix}.gender`)) as MemberForm["gender"],
      phone: optional(value(form, `${prefix}.phone`)),
    })),
    mentors: readRows<MentorForm>(form, "mentors", (prefix) => ({
      fullName: value(form, `${prefix}.fullName`),
      phone: value(form, `${prefix}.phone`),
      email: value(form, `${prefix}.email`),
    })),
  };
}

function withValue<T extends HTMLInputElement | HTMLSelectElement>(element: T, text: string | number | null | undefined): T {
  element.value = text === null || text === undefined ? "" : String(text);
  return element;
}

/** The team form, empty for a new registration or filled with a registered team's details. */
function teamForm(contest: ContestView, initial: TeamForm | null, submitKey: TextKey, onSubmit: (team: TeamForm) => Promise<void>): HTMLFormElement {
  const summary = h("div", { class: "form-errors", "data-testid": "form-errors", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "register-submit" }, t(submitKey));
  const form = h("form", { class: "stack", novalidate: true },
    summary,
    field("teamName", withValue(input("name", "text", { autocomplete: "off" }), initial?.name)),
    field("school", withValue(input("school"), initial?.school)),
    field("district", withValue(select("district", contest.districts.map((district) => ({ value: district, label: district })), t("choose")), initial?.district)),
    field("division", withValue(select("divisionCode", contest.divisions.map((division) => ({ value: division.code, label: `${division.code} — ${division.name}` })), t("choose")), initial?.divisionCode)),
    field("contactPhone", withValue(input("contactPhone", "tel", { inputmode: "tel" }), initial?.contactPhone)),
    field("contactEmail", withValue(input("contactEmail", "email"), initial?.contactEmail)),
    repeater("members", (prefix, row) => [
      field("fullName", withValue(input(`${prefix}.fullName`), row.fullName)),
      field("dateOfBirth", withValue(input(`${prefix}.dateOfBirth`, "date"), row.dateOfBirth)),
      field("grade", withValue(input(`${prefix}.grade`, "number", { min: 1, max: 12, inputmode: "numeric" }), row.grade)),
      field("gender", withValue(select(`${prefix}.gender`, [
        { value: "Female", label: t("genderFemale") }, { value: "Male", label: t("genderMale") }, { value: "Other", label: t("genderOther") },
      ], "—"), row.gender), "optional"),
      field("phone", withValue(input(`${prefix}.phone`, "tel"), row.phone), "optional"),
    ], "addMember", (initial?.members ?? []).map(asRow)),
    repeater("mentors", (prefix, row) => [
      field("fullName", withValue(input(`${prefix}.fullName`), row.fullName)),
      field("phone", withValue(input(`${prefix}.phone`, "tel"), row.phone)),
      field("email", withValue(input(`${prefix}.email`, "email"), row.email)),
    ], "addMentor", (initial?.mentors ?? []).map(asRow)),
    submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    submit.disabled = true;
    submit.textContent = t("sending");
    try {
      await onSubmit(readTeam(form));
    } catch (error) {
      // Only a new registration carries an Idempotency-Key, so only there is pressing submit again always safe.
      showErrors(form, summary, error, initial ? "networkError" : "resendIsSafe");
    } finally {
      submit.disabled = false;
      submit.textContent = t(submitKey);
    }
  });
  return form;
}

function asRow(item: object): Row {
  return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, entry === null || entry === undefined ? "" : String(entry)]));
}

function registration(contest: ContestView): HTMLElement {
  // One key for this form until it succeeds: a resend after a dropped connection, even with a typo fixed in between,
  // is the same registration, applied once (the server keeps nothing for a refused attempt, so refusals do not stick).
  const idempotencyKey = crypto.randomUUID();
  const form = teamForm(contest, null, "submitRegistration", async (team) => {
    const registered = await api<TeamRegistration>("POST", `/api/contests/${contest.id}/teams`, team, { "Idempotency-Key": idempotencyKey });
    replaceChildren(main, confirmation(registered));
  });
  return h("section", {}, h("h1", {}, t("registerTitle")), h("p", { class: "muted" }, contest.name), form);
}

function confirmation(registered: TeamRegistration): HTMLElement {
  const again = h("a", { href: window.location.pathname + window.location.search, class: "button secondary" }, t("registerAnother"));
  return h("section", { class: "confirmation", "data-testid": "registration-confirmed" },
    h("h1", {}, t("registered")),
    h("p", { class: "big" }, registered.team.name),
    h("p", {}, t("teamCodeIs"), " ", h("strong", { class: "team-code", "data-testid": "team-code" }, registered.team.code)),
    h("p", { class: "muted" }, t("keepCode")),
    h("p", {}, t("portalLink"), " ", h("a", { href: registered.portalUrl, "data-testid": "portal-link" }, registered.portalUrl)),
    qrImage(registered.portalQrCodeSvg, registered.portalUrl),
    again);
}

/** The signed-in team's own page: its status, the organisers' remarks, and its details to edit while registration is open. */
async function portal(contest: ContestView, teamId: string): Promise<HTMLElement> {
  const url = `/api/contests/${contest.id}/teams/${teamId}`;
  let { body: team, etag } = await apiWithETag<TeamDetails>("GET", url);
  const status = h("p", { class: "status-badge", "data-testid": "team-status" });
  const remarks = h("div");
  const saved = h("p", { class: "notice", "data-testid": "saved", hidden: true }, t("saved"));
  const show = () => {
    status.textContent = `${t("status")}: ${t(`status${team.status}` as TextKey)}`;
    replaceChildren(remarks,
      team.returnReason ? h("p", { class: "notice" }, t("returnReason"), " ", team.returnReason) : null,
      team.flags.length > 0 ? h("p", { class: "notice" }, t("flaggedNotice"), " ", team.flags.map((flag) => flag.field).join(", ")) : null);
  };
  show();
  const form = teamForm(contest, team.details, "saveChanges", async (details) => {
    const answer = await apiWithETag<TeamDetails>("PUT", url, details, { "If-Match": etag ?? "" });
    ({ body: team, etag } = answer);
    show();
    saved.hidden = false;
  });
  form.addEventListener("input", () => { saved.hidden = true; });
  const withdraw = h("button", { type: "button", class: "secondary danger" }, t("withdraw"));
  withdraw.addEventListener("click", async () => {
    if (!window.confirm(t("confirmWithdraw"))) return;
    ({ body: team, etag } = await apiWithETag<TeamDetails>("POST", `${url}/withdraw`, {}, { "If-Match": etag ?? "" }));
    show();
  });
  return h("section", {},
    h("h1", {}, t("myTeam"), ": ", team.details.name ?? ""),
    h("p", { class: "muted" }, contest.name, " · ", t("code"), " ", h("strong", { class: "mono" }, team.code)),
    status, remarks, await inboxPanel(contest.id), await entriesSection(contest, teamId), saved, form, withdraw);
}

try {
  // The code is single use: it leaves the address bar (and so history and bookmarks) before it is spent.
  const code = takeCodeFromAddress();
  if (code) await api("POST", "/api/auth/sign-in-code", { code }).catch(() => undefined);
  const me = await whoAmI();
  const contest = await resolveContest();
  if (!contest) {
    replaceChildren(main, h("p", {}, t("noContests")));
  } else if (me.authenticated && me.role === "Team" && me.id) {
    replaceChildren(main, await portal(contest, me.id));
  } else {
    replaceChildren(main, registration(contest));
  }
} catch (error) {
  replaceChildren(main, h("p", { class: "error" }, failureMessage(error, "loadFailed")));
}
