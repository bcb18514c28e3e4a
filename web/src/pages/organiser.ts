import { appPath } from "../address";
import { api, apiWithETag, whoAmI } from "../api/client";
import type { ContestKind, ContestSummary, ContestView, ContestForm, ImportCommitted, ImportField, ImportPreview, IssuedSignInCode, MemberField, NominationsView, TeamHistoryEntry, TeamView } from "../api/types";
import type { TextKey } from "../i18n";
import { h, qrImage, replaceChildren } from "../dom";
import { clearErrors, failureMessage, field, input, select, showErrors, value } from "../forms";
import { formatDate, formatDateTime } from "../format";
import { t } from "../i18n";
import { mountShell } from "../shell";
import { judgingPanels } from "../organiser/judging";
import { judgingProgressPanels } from "../organiser/judgingProgress";
import { exportsPanel } from "../organiser/exports";
import { matchRoundPanels } from "../organiser/matches";
import { boardFreezePanels } from "../organiser/boards";
import { platformPage } from "../organiser/platform";
import { securityPanel } from "../organiser/security";
import { inboxPanel } from "../notifications/inbox";
import { roundsSchedulePanel } from "../organiser/rounds";

const main = mountShell();
const bacGiangDistricts = ["TP Bắc Giang", "Việt Yên", "Hiệp Hòa", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Tân Yên", "Yên Dũng", "Yên Thế"];

function signInForm(): HTMLElement {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", "data-testid": "email" });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", "data-testid": "password" });
  const message = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "stack narrow" },
    h("label", { class: "field" }, h("span", { class: "label" }, t("email")), email),
    h("label", { class: "field" }, h("span", { class: "label" }, t("password")), password),
    message,
    h("button", { type: "submit", class: "primary", "data-testid": "sign-in" }, t("signIn")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/api/auth/sign-in", { email: email.value, password: password.value });
      await console_();
    } catch (error) {
      message.textContent = failureMessage(error, "connectionFailed");
    }
  });
  return h("section", {}, h("h1", {}, t("signInTitle")), form);
}

function createContestForm(onCreated: (contest: ContestView) => void): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const divisions = h("div", { class: "stack" });
  const addDivision = (code = "", name = "") => {
    const index = divisions.children.length;
    divisions.append(h("div", { class: "row" },
      field("divisionCode", input(`divisions[${index}].code`, "text", { value: code, size: 6 })),
      field("divisionName", input(`divisions[${index}].name`, "text", { value: name }))));
  };
  addDivision("THCS", "Trung học cơ sở");
  addDivision("THPT", "Trung học phổ thông");
  const addButton = h("button", { type: "button", class: "secondary" }, t("addDivision"));
  addButton.addEventListener("click", () => addDivision());
  const districts = h("textarea", { name: "districts", rows: 10 });
  districts.value = bacGiangDistricts.join("\n");
  const kinds: ContestKind[] = ["Robocon", "Creativity", "TechnicalInnovation"];

  const form = h("form", { class: "stack" },
    summary,
    field("contestName", input("name")),
    field("kind", select("kind", kinds.map((kind) => ({ value: kind, label: t(`kind${kind}`) })))),
    field("edition", input("edition", "number", { min: 1, value: 1 })),
    field("organisingBody", input("organisingBody", "text", { value: "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang" })),
    field("districtsOnePerLine", districts),
    h("h3", {}, t("divisions")), divisions, addButton,
    h("button", { type: "submit", class: "primary" }, t("createContest")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const request: ContestForm = {
      name: value(form, "name"),
      kind: value(form, "kind"),
      edition: Number(value(form, "edition")),
      organisingBody: value(form, "organisingBody"),
      districts: districts.value.split("\n").map((line) => line.trim()).filter(Boolean),
      divisions: Array.from(divisions.children, (_, index) => ({
        code: value(form, `divisions[${index}].code`),
        name: value(form, `divisions[${index}].name`),
      })),
    };
    try {
      onCreated(await api<ContestView>("POST", "/api/contests", request));
      form.reset();
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return h("details", { class: "panel" }, h("summary", {}, t("createContest")), form);
}

async function teamList(contest: ContestView, province: boolean): Promise<HTMLElement> {
  const search = h("input", { type: "search", placeholder: t("search"), "data-testid": "team-search" });
  const district = select("district", contest.districts.map((name) => ({ value: name, label: name })), t("allDistricts"));
  const division = select("division", contest.divisions.map((item) => ({ value: item.code, label: item.code })), t("allDivisions"));
  const body = h("tbody");
  const count = h("p", { class: "muted" });
  const outcome = h("p", { class: "notice", hidden: true, "data-testid": "bulk-outcome" });
  const selected = new Set<string>();
  const teamUrl = (team: TeamView) => `/api/contests/${contest.id}/teams/${team.id}`;
  const history = h("div", { "data-testid": "team-history" });
  // Every change to a team, oldest first: what happened, when, and who did it.
  const showHistory = async (team: TeamView) => {
    const entries = await api<TeamHistoryEntry[]>("GET", `${teamUrl(team)}/history`);
    replaceChildren(history, h("section", { class: "panel" },
      h("h3", {}, t("historyOf", team.name)),
      h("ol", {}, ...entries.map((entry) => h("li", {},
        `${formatDateTime(entry.at)} · ${entry.event.replaceAll("_", " ")} · ${actorOf(entry.data)}`)))));
    history.scrollIntoView({ block: "start" });
  };
  // Every action answers in the outcome line, refusals (a stale version, a closed window) included.
  const report = (text: string, failed = false) => {
    outcome.textContent = text;
    outcome.classList.toggle("error", failed);
    outcome.hidden = false;
  };
  const attempt = (action: () => Promise<void>) => {
    outcome.hidden = true;
    return action().catch((error) => report(failureMessage(error, "connectionFailed"), true));
  };
  // Decisions need the team's current version: read it, then act on exactly what was read.
  const decide = async (team: TeamView, action: "approve" | "return" | "nomination", body?: object) => {
    const { etag } = await apiWithETag("GET", teamUrl(team));
    await api("POST", `${teamUrl(team)}/${action}`, body ?? {}, { "If-Match": etag ?? "" });
    await refresh();
  };
  const actions = (team: TeamView) => {
    if (team.status === "Withdrawn") return h("span");
    const approve = h("button", { type: "button", class: "secondary", "data-testid": "approve" }, t("approve"));
    approve.addEventListener("click", () => void attempt(() => decide(team, "approve")));
    const giveBack = h("button", { type: "button", class: "secondary" }, t("returnForChanges"));
    giveBack.addEventListener("click", () => {
      const reason = window.prompt(t("reasonPrompt"));
      if (reason) void attempt(() => decide(team, "return", { reason }));
    });
    const nominate = team.nominated
      ? h("span", { class: "muted", "data-testid": "nominated" }, t("nominated"))
      : h("button", { type: "button", class: "secondary", "data-testid": "nominate" }, t("nominate"));
    nominate.addEventListener("click", () => void attempt(() => decide(team, "nomination")));
    // District organisers decide nothing but nominations; the server holds them to their own district.
    return province
      ? h("span", { class: "row" }, team.status === "Approved" ? null : approve, team.status === "Returned" ? null : giveBack, nominate)
      : h("span", { class: "row" }, nominate);
  };
  const historyButton = (team: TeamView) => {
    const button = h("button", { type: "button", class: "link", "data-testid": "history" }, t("history"));
    button.addEventListener("click", () => void attempt(() => showHistory(team)));
    return button;
  };
  const checkbox = (team: TeamView) => {
    const box = h("input", { type: "checkbox", "aria-label": team.name });
    box.checked = selected.has(team.id);
    box.addEventListener("change", () => (box.checked ? selected.add(team.id) : selected.delete(team.id)));
    return box;
  };
  async function refresh(): Promise<void> {
    const query = new URLSearchParams({ search: search.value, district: district.value, division: division.value });
    const teams = await api<TeamView[]>("GET", `/api/contests/${contest.id}/teams?${query}`);
    count.textContent = t("teamsCount", teams.length);
    replaceChildren(body, ...teams.map((team) => h("tr", { "data-team": team.name },
      h("td", {}, checkbox(team)),
      h("td", { class: "mono" }, team.code), h("td", {}, team.name, team.flagged ? h("span", { class: "flag" }, " ⚑") : null),
      h("td", {}, team.school), h("td", {}, team.district),
      h("td", {}, team.divisionCode), h("td", { class: "number" }, String(team.memberCount + team.mentorCount)),
      h("td", {}, formatDate(team.registeredAt)),
      h("td", { "data-testid": "status" }, t(`status${team.status}` as TextKey)),
      h("td", {}, actions(team), historyButton(team)))));
  }
  const approveSelected = h("button", { type: "button", class: "primary", "data-testid": "approve-selected" }, t("approveSelected"));
  approveSelected.addEventListener("click", () => void attempt(async () => {
    const result = await api<{ approved: string[]; skipped: unknown[] }>("POST", `/api/contests/${contest.id}/teams/approve`, { teamIds: [...selected] });
    selected.clear();
    report(t("approvedCount", result.approved.length, result.skipped.length));
    await refresh();
  }));
  let pending: number | undefined;
  search.addEventListener("input", () => { clearTimeout(pending); pending = window.setTimeout(() => void attempt(refresh), 250); });
  district.addEventListener("change", () => void attempt(refresh));
  division.addEventListener("change", () => void attempt(refresh));
  await refresh();
  return h("section", { class: "panel" },
    h("h2", {}, contest.name),
    h("div", { class: "row filters" }, search, district, division, province ? approveSelected : null),
    count,
    outcome,
    history,
    h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, h("th", {}), ...(["code", "teamName", "school", "district", "division", "people", "registeredAt", "status"] as TextKey[]).map((key) =>
        h("th", {}, t(key))), h("th", {}))),
      body)));
}

/** Upload, preview every team with its problems, then import the valid ones in one step. */
function importPanel(contest: ContestView, onImported: () => void): HTMLElement {
  const file = h("input", { type: "file", accept: ".xlsx,.csv,text/csv", "data-testid": "import-file" });
  const previewButton = h("button", { type: "button", class: "primary", "data-testid": "import-preview" }, t("preview"));
  const result = h("div", { "data-testid": "import-result" });
  const runPreview = async (mapping?: Partial<Record<ImportField, number>>) => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const form = new FormData();
    form.append("file", chosen);
    if (mapping) form.append("mapping", JSON.stringify(mapping));
    try {
      const preview = await api<ImportPreview>("POST", `/api/contests/${contest.id}/imports`, form);
      const commit = h("button", { type: "button", class: "primary", "data-testid": "import-commit", disabled: preview.importable === 0 }, t("commitImport"));
      const commitFailure = h("p", { class: "error", role: "alert" });
      commit.addEventListener("click", async () => {
        try {
          const committed = await api<ImportCommitted>("POST", `/api/contests/${contest.id}/imports/${preview.id}/commit`, {});
          replaceChildren(result, h("p", { class: "notice", "data-testid": "import-done" }, t("importedCount", committed.imported)));
          onImported();
        } catch (error) {
          commitFailure.textContent = failureMessage(error, "connectionFailed");
        }
      });
      replaceChildren(result,
        mappingEditor(preview, runPreview),
        h("p", { "data-testid": "import-summary" }, t("importSummary", preview.teams, preview.importable, preview.withErrors, preview.alreadyImported)),
        h("div", { class: "table-scroll" }, h("table", { class: "data" },
          h("thead", {}, h("tr", {}, ...(["rows", "teamName", "district", "division", "problems"] as TextKey[]).map((key) => h("th", {}, t(key))))),
          h("tbody", {}, ...preview.teamPreviews.map((team) => h("tr", { class: team.errors.length > 0 ? "has-errors" : undefined, "data-import-team": team.name },
            h("td", {}, team.rows.join(", ")), h("td", {}, team.name), h("td", {}, team.district), h("td", {}, team.divisionCode),
            h("td", {}, team.alreadyImported ? t("alreadyImported") : team.errors.length === 0 ? t("ok")
              : h("ul", {}, ...team.errors.map((error) => h("li", {}, `${error.field}: ${error.message}`))),
              team.warnings.length > 0 ? h("ul", { class: "muted" }, ...team.warnings.map((warning) => h("li", {}, `${warning.field}: ${warning.message}`))) : null)))))),
        commit, commitFailure);
    } catch (error) {
      replaceChildren(result, h("p", { class: "error" }, failureMessage(error, "connectionFailed")));
    }
  };
  previewButton.addEventListener("click", () => void runPreview());
  return h("details", { class: "panel" },
    h("summary", {}, t("importTitle")),
    h("p", { class: "muted" }, t("importHint"), " ", h("a", { href: appPath(`/api/contests/${contest.id}/imports/template.csv`) }, t("downloadTemplate"))),
    h("div", { class: "row" }, file, previewButton),
    result);
}

/** The author recorded on an event: every event carries one under a "…By" property. */
function actorOf(data: unknown): string {
  const entry = Object.entries((data ?? {}) as Record<string, unknown>).find(([key]) => key.endsWith("By"));
  const actor = entry?.[1] as { name?: string; role?: string } | undefined;
  return actor?.name ? `${actor.name} (${actor.role ?? ""})` : "";
}

const importFields: ImportField[] = [
  "TeamName", "School", "District", "Division", "Role", "FullName", "DateOfBirth", "Grade", "Gender", "Phone", "Email", "ContactPhone", "ContactEmail",
];

/** Which field each column of the sheet holds; changing it previews again, and the server remembers the choice. */
function mappingEditor(preview: ImportPreview, apply: (mapping: Partial<Record<ImportField, number>>) => Promise<void>): HTMLElement {
  const selects = preview.headers.map((header, column) => {
    const mapped = importFields.find((name) => preview.mapping[name] === column) ?? "";
    const choice = select(`column-${column}`, importFields.map((name) => ({ value: name, label: name })), "—");
    choice.value = mapped;
    return h("label", { class: "field" }, h("span", { class: "label" }, header || `#${column + 1}`), choice);
  });
  const applyButton = h("button", { type: "button", class: "secondary", "data-testid": "apply-mapping" }, t("applyMapping"));
  applyButton.addEventListener("click", () => {
    const mapping: Partial<Record<ImportField, number>> = {};
    selects.forEach((label, column) => {
      const chosen = label.querySelector("select")!.value as ImportField | "";
      if (chosen) mapping[chosen] = column;
    });
    void apply(mapping);
  });
  return h("details", { class: "mapping" }, h("summary", {}, t("columnMapping")), h("div", { class: "row" }, ...selects), applyButton);
}

function toLocalInput(instant: string | null | undefined): string {
  if (!instant) return "";
  // datetime-local wants "yyyy-MM-ddTHH:mm" in Vietnam's time, which is UTC+7 all year.
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/** The registration window and eligibility, saved with the contest's version so two organisers cannot clash. */
function rulesPanel(contest: ContestView): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const rules = contest.rules;
  const several = h("input", { type: "checkbox", name: "memberMayJoinSeveralTeams" });
  several.checked = rules.memberMayJoinSeveralTeams;
  // A grade range per division, left blank where the division takes any grade.
  const grades = contest.divisions.map((division) => {
    const range = rules.gradesByDivision[division.code];
    return h("div", { class: "row", "data-division": division.code },
      h("span", { class: "label" }, `${division.code} — ${division.name}`),
      field("minGrade", input(`grades.${division.code}.min`, "number", { min: 1, max: 12, value: range?.min ?? "" })),
      field("maxGrade", input(`grades.${division.code}.max`, "number", { min: 1, max: 12, value: range?.max ?? "" })));
  });
  const memberFields: MemberField[] = ["DateOfBirth", "Grade", "Gender", "Phone"];
  const required = memberFields.map((name) => {
    const box = h("input", { type: "checkbox", name: `required.${name}` });
    box.checked = (rules.requiredMemberFields ?? []).includes(name);
    return h("label", { class: "row" }, box, t(`required${name}` as TextKey));
  });
  const saved = h("p", { class: "notice", hidden: true, "data-testid": "rules-saved" }, t("saved"));
  const form = h("form", { class: "stack", "data-testid": "rules-form" },
    summary,
    saved,
    h("div", { class: "row" },
      field("opensAt", input("opensAt", "datetime-local", { value: toLocalInput(contest.window?.opensAt) })),
      field("closesAt", input("closesAt", "datetime-local", { value: toLocalInput(contest.window?.closesAt) }))),
    h("div", { class: "row" },
      field("minMembers", input("minMembers", "number", { min: 1, value: rules.teamSize.minMembers })),
      field("maxMembers", input("maxMembers", "number", { min: 1, value: rules.teamSize.maxMembers })),
      field("maxMentors", input("maxMentors", "number", { min: 0, value: rules.teamSize.maxMentors }))),
    h("label", { class: "row" }, several, t("severalTeams")),
    h("h3", {}, t("gradesPerDivision")), ...grades,
    h("h3", {}, t("requiredMemberFields")), h("div", { class: "row" }, ...required),
    h("button", { type: "submit", class: "primary" }, t("saveRules")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    saved.hidden = true;
    try {
      const { etag } = await apiWithETag("GET", `/api/contests/${contest.id}`);
      await api("PUT", `/api/contests/${contest.id}/registration-rules`, {
        opensAt: value(form, "opensAt") || null,
        closesAt: value(form, "closesAt") || null,
        minMembers: Number(value(form, "minMembers")),
        maxMembers: Number(value(form, "maxMembers")),
        minMentors: rules.teamSize.minMentors,
        maxMentors: Number(value(form, "maxMentors")),
        memberMayJoinSeveralTeams: several.checked,
        grades: contest.divisions
          .filter((division) => value(form, `grades.${division.code}.min`) !== "" || value(form, `grades.${division.code}.max`) !== "")
          .map((division) => ({
            divisionCode: division.code,
            minGrade: Number(value(form, `grades.${division.code}.min`)),
            maxGrade: Number(value(form, `grades.${division.code}.max`)),
          })),
        requiredMemberFields: memberFields.filter((name) => (form.elements.namedItem(`required.${name}`) as HTMLInputElement).checked),
      }, { "If-Match": etag ?? "" });
      saved.hidden = false;
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return h("details", { class: "panel" }, h("summary", {}, t("rulesTitle")), form);
}

/** The contest's ordered rounds: name, level and type, saved as a whole with the contest's version. */
function roundsPanel(contest: ContestView): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const list = h("div", { class: "stack" });
  const levels = ["District", "Province", "National"].map((level) => ({ value: level, label: t(`level${level}` as TextKey) }));
  const types = ["JudgedSubmissions", "Matches"].map((type) => ({ value: type, label: t(`round${type}` as TextKey) }));
  const addRound = (name = "", level = "Province", type = "JudgedSubmissions", id?: string) => {
    const index = list.children.length;
    const levelSelect = select(`rounds[${index}].level`, levels);
    levelSelect.value = level;
    const typeSelect = select(`rounds[${index}].type`, types);
    typeSelect.value = type;
    // The id travels with the row, so a renamed or moved round stays the same round.
    list.append(h("div", { class: "row", "data-round-id": id },
      field("roundName", input(`rounds[${index}].name`, "text", { value: name })),
      field("roundLevel", levelSelect),
      field("roundType", typeSelect)));
  };
  contest.rounds.forEach((round) => addRound(round.name, round.level, round.type, round.id));
  if (contest.rounds.length === 0) addRound();
  const add = h("button", { type: "button", class: "secondary" }, t("addRound"));
  add.addEventListener("click", () => addRound());
  const saved = h("p", { class: "notice", hidden: true, "data-testid": "rounds-saved" }, t("saved"));
  const form = h("form", { class: "stack", "data-testid": "rounds-form" }, summary, saved, list, add,
    h("button", { type: "submit", class: "primary" }, t("saveRounds")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    saved.hidden = true;
    try {
      const { etag } = await apiWithETag("GET", `/api/contests/${contest.id}`);
      const rows = Array.from(list.children as HTMLCollectionOf<HTMLElement>, (row, index) => ({
        row,
        round: {
          id: row.dataset.roundId ?? null,
          name: value(form, `rounds[${index}].name`),
          level: value(form, `rounds[${index}].level`),
          type: value(form, `rounds[${index}].type`),
        },
      })).filter(({ round }) => round.name !== "");
      const updated = await api<ContestView>("PUT", `/api/contests/${contest.id}/rounds`, { rounds: rows.map(({ round }) => round) }, { "If-Match": etag ?? "" });
      rows.forEach(({ row }, index) => { row.dataset.roundId = updated.rounds[index]?.id; });
      saved.hidden = false;
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return h("details", { class: "panel" }, h("summary", {}, t("roundsTitle")), form);
}

/** Each district's nominations and whether its list is closed; district organisers act on their own district. */
async function nominationsPanel(contest: ContestView, onChanged: () => void): Promise<HTMLElement> {
  const overview = await api<NominationsView>("GET", `/api/contests/${contest.id}/nominations`);
  const rows = overview.districts.map((district) => {
    const close = h("button", { type: "button", class: "secondary" }, t("closeList"));
    close.addEventListener("click", async () => {
      await api("POST", `/api/contests/${contest.id}/nominations/${encodeURIComponent(district.district)}/close`);
      onChanged();
    });
    return h("tr", { "data-nomination-district": district.district },
      h("td", {}, district.district), h("td", { class: "number" }, String(district.nominated)),
      h("td", {}, district.closed ? t("listClosed") : close));
  });
  return h("details", { class: "panel" },
    h("summary", {}, t("nominationsTitle")),
    h("p", { "data-testid": "nominations-summary" }, t("nominationsSummary", overview.districtsClosed, overview.districtsTotal, overview.nominated)),
    h("table", { class: "data" }, h("tbody", {}, ...rows)));
}

function issueCodeForm(): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const result = h("div", { class: "issued" });
  const form = h("form", { class: "row" },
    field("role", select("role", [
      { value: "Judge", label: t("roleJudge") }, { value: "Referee", label: t("roleReferee") }, { value: "HeadReferee", label: t("matchesHeadReferee") }, { value: "Team", label: t("roleTeam") },
    ])),
    field("displayName", input("displayName")),
    h("button", { type: "submit", class: "primary" }, t("issue")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    try {
      const issued = await api<IssuedSignInCode>("POST", "/api/access/sign-in-codes", { role: value(form, "role"), displayName: value(form, "displayName") });
      const qr = qrImage(issued.qrCodeSvg, issued.signInUrl);
      replaceChildren(result, qr, h("div", {},
        h("p", { class: "team-code" }, issued.code),
        h("p", {}, h("a", { href: issued.signInUrl }, issued.signInUrl)),
        h("p", { class: "muted" }, t("codeExpires", formatDateTime(issued.expiresAt)))));
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return h("section", { class: "panel" }, h("h2", {}, t("issueCode")), summary, form, result);
}

async function console_(): Promise<void> {
  const me = await whoAmI();
  if (!me.authenticated || (me.role !== "Organiser" && me.role !== "DistrictOrganiser" && me.role !== "PlatformAdmin")) {
    replaceChildren(main, signInForm());
    return;
  }
  const signOut = h("button", { type: "button", class: "secondary", "data-testid": "sign-out" }, t("signOut"));
  signOut.addEventListener("click", async () => {
    await api("POST", "/api/auth/sign-out");
    await console_();
  });
  const heading = h("div", { class: "row spread" },
    h("h1", {}, t(me.role === "PlatformAdmin" ? "securityPlatformTitle" : "navOrganiser")), h("span", {}, t("signedInAs", me.name ?? ""), " ", signOut));
  if (me.role === "PlatformAdmin") {
    replaceChildren(main, heading, await platformPage());
    return;
  }
  const contestList = h("ul", { class: "contest-list" });
  const detail = h("div");
  const showContest = async (id: string) => {
    const contest = await api<ContestView>("GET", `/api/contests/${id}`);
    const province = me.role === "Organiser";
    // An import only adds teams: refresh the list and keep the import panel, with its outcome, as it is.
    const teams = h("div");
    const showTeams = async () => replaceChildren(teams, await teamList(contest, province));
    await showTeams();
    replaceChildren(detail,
      province ? rulesPanel(contest) : null,
      province ? roundsPanel(contest) : null,
      province ? await judgingPanels(contest) : null,
      ...(province ? judgingProgressPanels(contest) : []),
      ...(province ? await matchRoundPanels(contest) : []),
      ...(province ? boardFreezePanels(contest) : []),
      roundsSchedulePanel(contest, province),
      await nominationsPanel(contest, () => void showContest(id)),
      await inboxPanel(contest.id),
      province ? importPanel(contest, () => void showTeams()) : null,
      await exportsPanel(contest, province),
      teams);
  };
  const loadContests = async () => {
    const contests = await api<ContestSummary[]>("GET", "/api/contests");
    replaceChildren(contestList, ...(contests.length === 0 ? [h("li", {}, t("noContests"))] : contests.map((contest) => {
      const open = h("button", { type: "button", class: "link" }, contest.name);
      open.addEventListener("click", () => void showContest(contest.id));
      return h("li", { class: "contest" }, open, h("span", { class: "muted" }, t("teamsCount", contest.teamCount)),
        h("a", { href: appPath(`/board/?contest=${contest.id}`) }, t("openBoard")));
    })));
  };
  replaceChildren(main,
    heading,
    h("h2", {}, t("contests")), contestList,
    me.role === "Organiser" ? createContestForm((contest) => { void loadContests(); void showContest(contest.id); }) : null,
    me.role === "Organiser" ? issueCodeForm() : null,
    me.role === "Organiser" ? securityPanel(me.organisation) : null,
    detail);
  await loadContests();
}

await console_().catch(() => replaceChildren(main, h("p", { class: "error" }, t("loadFailed"))));
