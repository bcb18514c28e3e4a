import { api, whoAmI } from "../api/client";
import type { ContestView, MemberForm, MentorForm, TeamForm, SignedInUser, TeamView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { clearErrors, field, input, optional, select, showErrors, value } from "../forms";
import { t } from "../i18n";
import { resolveContest } from "../contests";
import { mountShell } from "../shell";

const main = mountShell();
main.append(h("p", {}, t("loading")));

/** Repeating groups (members, mentors) whose inputs are named members[0].fullName, … like the API's error paths. */
function repeater(kind: "members" | "mentors", fields: (prefix: string) => HTMLElement[], addKey: "addMember" | "addMentor"): HTMLElement {
  const list = h("div", { class: "repeater" });
  const renumber = () => list.querySelectorAll<HTMLElement>(".repeat").forEach((row, index) => {
    row.querySelectorAll<HTMLInputElement>("[name]").forEach((element) => {
      element.name = element.name.replace(/^\w+\[\d+\]/, `${kind}[${index}]`);
    });
    row.querySelectorAll<HTMLElement>("[data-error-for]").forEach((element) => {
      element.dataset.errorFor = element.dataset.errorFor!.replace(/^\w+\[\d+\]/, `${kind}[${index}]`);
    });
  });
  const add = () => {
    const remove = h("button", { type: "button", class: "secondary" }, t("remove"));
    const row = h("fieldset", { class: "repeat" }, ...fields(`${kind}[${list.children.length}]`), remove);
    remove.addEventListener("click", () => { row.remove(); renumber(); });
    list.append(row);
  };
  const addButton = h("button", { type: "button", class: "secondary" }, t(addKey));
  addButton.addEventListener("click", add);
  add();
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

function registrationForm(contest: ContestView): HTMLElement {
  const summary = h("div", { class: "form-errors", "data-testid": "form-errors", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "register-submit" }, t("submitRegistration"));
  const form = h("form", { class: "stack", novalidate: true },
    summary,
    field("teamName", input("name", "text", { autocomplete: "off" })),
    field("school", input("school")),
    field("district", select("district", contest.districts.map((district) => ({ value: district, label: district })), t("choose"))),
    field("division", select("divisionCode", contest.divisions.map((division) => ({ value: division.code, label: `${division.code} — ${division.name}` })), t("choose"))),
    field("contactPhone", input("contactPhone", "tel", { inputmode: "tel" })),
    field("contactEmail", input("contactEmail", "email")),
    repeater("members", (prefix) => [
      field("fullName", input(`${prefix}.fullName`)),
      field("dateOfBirth", input(`${prefix}.dateOfBirth`, "date")),
      field("grade", input(`${prefix}.grade`, "number", { min: 1, max: 12, inputmode: "numeric" })),
      field("gender", select(`${prefix}.gender`, [
        { value: "Female", label: t("genderFemale") }, { value: "Male", label: t("genderMale") }, { value: "Other", label: t("genderOther") },
      ], "—"), "optional"),
      field("phone", input(`${prefix}.phone`, "tel"), "optional"),
    ], "addMember"),
    repeater("mentors", (prefix) => [
      field("fullName", input(`${prefix}.fullName`)),
      field("phone", input(`${prefix}.phone`, "tel")),
      field("email", input(`${prefix}.email`, "email")),
    ], "addMentor"),
    submit);

  // One key per filled-in form: a resend after a dropped connection is the same registration, applied once.
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener("input", () => { idempotencyKey = crypto.randomUUID(); });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const request: TeamForm = {
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
    submit.disabled = true;
    submit.textContent = t("sending");
    try {
      const team = await api<TeamView>("POST", `/api/contests/${contest.id}/teams`, request, { "Idempotency-Key": idempotencyKey });
      replaceChildren(main, confirmation(team));
    } catch (error) {
      showErrors(form, summary, error);
    } finally {
      submit.disabled = false;
      submit.textContent = t("submitRegistration");
    }
  });
  return h("section", {}, h("h1", {}, t("registerTitle")), h("p", { class: "muted" }, contest.name), form);
}

function confirmation(team: TeamView): HTMLElement {
  const again = h("a", { href: window.location.href, class: "button secondary" }, t("registerAnother"));
  return h("section", { class: "confirmation", "data-testid": "registration-confirmed" },
    h("h1", {}, t("registered")),
    h("p", { class: "big" }, team.name),
    h("p", {}, t("teamCodeIs"), " ", h("strong", { class: "team-code", "data-testid": "team-code" }, team.code)),
    h("p", { class: "muted" }, t("keepCode")),
    again);
}

try {
  const code = new URLSearchParams(window.location.search).get("code");
  const signedIn = code ? await api<SignedInUser>("POST", "/api/auth/sign-in-code", { code }) : null;
  await whoAmI();
  const contest = await resolveContest();
  replaceChildren(main,
    signedIn ? h("p", { class: "notice", "data-testid": "signed-in-as" }, t("signedInAs", signedIn.name)) : null,
    contest ? registrationForm(contest) : h("p", {}, t("noContests")));
} catch (error) {
  replaceChildren(main, h("p", { class: "error" }, error instanceof Error ? error.message : t("loadFailed")));
}
