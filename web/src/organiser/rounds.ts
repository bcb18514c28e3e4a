import "../rounds/rounds.css";
import { api, apiWithETag } from "../api/client";
import type { ContestView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { formatDateTime } from "../format";
import { clearErrors, failureMessage, field, input, select, showErrors, value } from "../forms";
import { t, type TextKey } from "../i18n";
import { toLocalInput } from "../rounds/time";
import type { AdvancementKind, AdvancementView, RoundScheduleForm, RoundScheduleView, RoundTimelineView, SubmissionsView, TimelineStep } from "../rounds/types";

// The organiser console's rounds panel: for each judged round, its schedule (province organisers edit it), the
// timeline of automatic steps with each Hangfire job's state, who has and has not submitted per district and
// division, and the teams picked to advance.

const advancementKinds: AdvancementKind[] = ["None", "TopPerDivision", "ScoreThreshold", "OrganiserSelection"];

function stepLabel(step: TimelineStep): string {
  if (step.kind === "Reminder") return t("roundsStepReminder", step.key.replace(/^reminder-(\d+)h$/, "$1"));
  return t(`roundsStep${step.kind}` as TextKey);
}

function scheduleForm(contest: ContestView, round: RoundScheduleView, onSaved: () => Promise<void>): HTMLElement {
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const times = round.times;
  const kind = select("advancement.kind", advancementKinds.map((item) => ({ value: item, label: t(`roundsAdvancement${item}` as TextKey) })));
  kind.value = round.advancement.kind;
  const form = h("form", { class: "stack", "data-testid": "schedule-form", novalidate: true },
    summary,
    h("div", { class: "row" },
      field("roundsOpensAt", input("opensAt", "datetime-local", { value: toLocalInput(times?.opensAt) })),
      field("roundsClosesAt", input("closesAt", "datetime-local", { value: toLocalInput(times?.closesAt) })),
      field("roundsGraceMinutes", input("graceMinutes", "number", { min: 0, value: times ? Math.round(durationMinutes(times.grace)) : 0 }))),
    h("div", { class: "row" },
      field("roundsJudgingClosesAt", input("judgingClosesAt", "datetime-local", { value: toLocalInput(times?.judgingClosesAt) }), "optional"),
      field("roundsPublishAt", input("publishAt", "datetime-local", { value: toLocalInput(times?.publishAt) }), "optional"),
      field("roundsReminderHours", input("reminderHours", "text", { value: (times?.reminderHours ?? [48, 2]).join(", ") }))),
    h("div", { class: "row" },
      field("roundsAdvancement", kind),
      field("roundsAdvanceCount", input("advancement.count", "number", { min: 1, value: round.advancement.count ?? "" }), "optional"),
      field("roundsMinScore", input("advancement.minScore", "number", { min: 0, step: "any", value: round.advancement.minScore ?? "" }), "optional")),
    h("button", { type: "submit", class: "primary", "data-testid": "save-schedule" }, t("roundsSaveSchedule")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const optionalNumber = (name: string) => (value(form, name) === "" ? null : Number(value(form, name)));
    const request: RoundScheduleForm = {
      opensAt: value(form, "opensAt") || null,
      closesAt: value(form, "closesAt") || null,
      graceMinutes: optionalNumber("graceMinutes"),
      judgingClosesAt: value(form, "judgingClosesAt") || null,
      publishAt: value(form, "publishAt") || null,
      reminderHours: value(form, "reminderHours").split(",").map((part) => part.trim()).filter(Boolean).map(Number),
      advancement: { kind: kind.value, count: optionalNumber("advancement.count"), minScore: optionalNumber("advancement.minScore") },
    };
    try {
      const { etag } = await apiWithETag("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/schedule`);
      await api("PUT", `/api/contests/${contest.id}/rounds/${round.roundId}/schedule`, request, { "If-Match": etag ?? "\"0\"" });
      await onSaved();
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return form;
}

/** "00:15:00" or "1.00:00:00" (a .NET TimeSpan as JSON) in minutes. */
function durationMinutes(duration: string): number {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(duration);
  if (!match) return 0;
  return (Number(match[1] ?? 0) * 1440) + (Number(match[2]) * 60) + Number(match[3]) + (Number(match[4]) / 60);
}

function timelineTable(timeline: RoundTimelineView): HTMLElement {
  return h("div", { class: "table-scroll" }, h("table", { class: "data", "data-testid": "timeline" },
    h("thead", {}, h("tr", {}, ...(["roundsStep", "roundsDueAt", "roundsRecorded", "roundsJob"] as TextKey[]).map((key) => h("th", {}, t(key))))),
    h("tbody", {}, ...timeline.steps.map((step) => h("tr", { "data-step": step.key, class: step.current ? undefined : "muted" },
      h("td", {}, stepLabel(step), step.current ? null : ` ${t("roundsEarlierPlan")}`),
      h("td", {}, formatDateTime(step.at)),
      h("td", {}, step.recordedAt ? `${formatDateTime(step.recordedAt)} · ${step.outcome ?? ""}` : t("roundsNotYet")),
      // The job dashboard lists every organisation's jobs, so it is for platform administrators; organisers see each
      // job's id and state here.
      h("td", { "data-testid": "job-state" }, step.jobId ? `#${step.jobId} ${step.jobState ?? "—"}` : "—"))))));
}

async function submissionsBlock(contest: ContestView, round: RoundScheduleView, province: boolean): Promise<HTMLElement> {
  const block = h("div", { class: "stack", "data-testid": "submissions" });
  const district = select("district", contest.districts.map((name) => ({ value: name, label: name })), t("allDistricts"));
  const division = select("division", contest.divisions.map((item) => ({ value: item.code, label: item.code })), t("allDivisions"));
  const submitted = select("submitted", [{ value: "true", label: t("roundsOnlySubmitted") }, { value: "false", label: t("roundsOnlyMissing") }], t("roundsAllTeams"));
  const outcome = h("p", { class: "error", role: "alert" });
  const content = h("div");
  const base = `/api/contests/${contest.id}/rounds/${round.roundId}`;
  const picking = province && round.advancement.kind !== "None";
  const refresh = async (): Promise<void> => {
    const query = new URLSearchParams(Object.entries({ district: district.value, division: division.value, submitted: submitted.value })
      .filter(([, chosen]) => chosen !== ""));
    const view = await api<SubmissionsView>("GET", `${base}/submissions?${query}`);
    const advancement = picking ? await apiWithETag<AdvancementView>("GET", `${base}/advancement`) : null;
    const picked = new Set(advancement?.body.selected.map((team) => team.teamId));
    const advanced = new Set(advancement?.body.advanced.map((team) => team.team.teamId));
    const act = (path: string, body?: object) => async () => {
      outcome.textContent = "";
      try {
        const { etag } = await apiWithETag("GET", `${base}/advancement`);
        await api("POST", `${base}/advancement/${path}`, body ?? {}, { "If-Match": etag ?? "\"0\"" });
        await refresh();
      } catch (error) {
        outcome.textContent = failureMessage(error, "connectionFailed");
      }
    };
    const advancementCell = (teamId: string) => {
      if (!picking) return null;
      if (picked.has(teamId) || advanced.has(teamId)) {
        const reverse = h("button", { type: "button", class: "link" }, t("roundsReverse"));
        reverse.addEventListener("click", () => {
          const reason = window.prompt(t("roundsReverseReason"));
          if (reason) void act(`${teamId}/reverse`, { reason })();
        });
        return h("td", {}, h("span", { class: "status-badge" }, t(advanced.has(teamId) ? "roundsAdvanced" : "roundsPicked")), " ", reverse);
      }
      const pick = h("button", { type: "button", class: "secondary", "data-testid": "pick" }, t("roundsPick"));
      pick.addEventListener("click", () => void act(teamId)());
      return h("td", {}, pick);
    };
    const counts = (title: TextKey, rows: SubmissionsView["byDistrict"]) => h("table", { class: "data compact" },
      h("thead", {}, h("tr", {}, h("th", {}, t(title)), h("th", { class: "number" }, t("roundsOnlySubmitted")))),
      h("tbody", {}, ...rows.map((row) => h("tr", { "data-count": row.key },
        h("td", {}, row.key), h("td", { class: "number" }, t("roundsSubmittedOf", row.submitted, row.teams))))));
    replaceChildren(content,
      h("p", { "data-testid": "submissions-summary" }, t("roundsSubmittedSummary", view.submitted, view.teams, view.late)),
      advancement ? h("p", {}, t("roundsAdvancementSummary", advancement.body.nextRoundName ?? "—", advancement.body.advanced.length, advancement.body.selected.length)) : null,
      h("div", { class: "row counts" }, counts("district", view.byDistrict), counts("division", view.byDivision)),
      h("div", { class: "table-scroll" }, h("table", { class: "data" },
        h("thead", {}, h("tr", {}, ...(["code", "teamName", "school", "district", "division", "roundsRevisions", "roundsLastSubmitted", "roundsEntryTitle"] as TextKey[])
          .map((key) => h("th", {}, t(key))), picking ? h("th", {}) : null)),
        h("tbody", {}, ...view.rows.map((row) => h("tr", { "data-team": row.name, class: row.submitted ? undefined : "missing" },
          h("td", { class: "mono" }, row.code), h("td", {}, row.name), h("td", {}, row.school), h("td", {}, row.district), h("td", {}, row.divisionCode),
          h("td", { class: "number", "data-testid": "revisions" }, String(row.revisions)),
          h("td", {}, row.lastSubmittedAt ? formatDateTime(row.lastSubmittedAt) : "—", row.late ? h("span", { class: "flag" }, ` (${t("roundsLate")})`) : null),
          h("td", {}, row.title ?? ""),
          advancementCell(row.teamId)))))));
  };
  for (const filter of [district, division, submitted]) filter.addEventListener("change", () => void refresh().catch((error) => { outcome.textContent = failureMessage(error, "connectionFailed"); }));
  await refresh();
  replaceChildren(block, h("h4", {}, t("roundsSubmissions")), h("div", { class: "row filters" }, district, division, submitted), outcome, content);
  return block;
}

/**
 * The round's publication: whether its results are public, and for province organisers a large "publish now" button
 * that asks for confirmation on the page. The server takes its own clock as the publication time, so a console
 * whose clock is wrong still publishes at the right instant.
 */
function publicationBlock(contest: ContestView, round: RoundScheduleView, province: boolean, onPublished: () => Promise<void>): HTMLElement {
  const publishAt = round.times?.publishAt;
  const state = round.state.published && publishAt ? t("roundsPublicSince", formatDateTime(publishAt))
    : publishAt && !round.cancelled ? t("roundsPublicAt", formatDateTime(publishAt))
    : t("roundsNotPublic");
  const block = h("div", { class: "publication", "data-testid": "publication", "data-published": String(round.state.published) },
    h("h4", {}, t("roundsPublication")),
    h("p", { class: "publication-state", "data-testid": "publication-state" }, state));
  if (!province || !round.scheduled || round.cancelled || round.state.published) return block;

  const failure = h("p", { class: "error", role: "alert" });
  const publish = h("button", { type: "button", class: "primary big", "data-testid": "publish-now" }, t("roundsPublishNow"));
  const confirm = h("button", { type: "button", class: "primary big", "data-testid": "confirm-publish" }, t("roundsPublishConfirm"));
  const back = h("button", { type: "button", class: "secondary big" }, t("roundsPublishBack"));
  const asking = h("div", { class: "notice publish-confirm", role: "alertdialog", "data-testid": "publish-confirmation", hidden: true },
    h("p", {}, t("roundsPublishQuestion", round.name)), h("div", { class: "row" }, confirm, back));
  publish.addEventListener("click", () => {
    asking.hidden = false;
    publish.hidden = true;
    confirm.focus();
  });
  back.addEventListener("click", () => {
    asking.hidden = true;
    publish.hidden = false;
  });
  confirm.addEventListener("click", async () => {
    failure.textContent = "";
    confirm.disabled = true;
    try {
      const base = `/api/contests/${contest.id}/rounds/${round.roundId}`;
      const { etag } = await apiWithETag("GET", `${base}/schedule`);
      await api("POST", `${base}/publish-now`, undefined, { "If-Match": etag ?? "\"0\"" });
      await onPublished();
    } catch (error) {
      failure.textContent = failureMessage(error, "connectionFailed");
      confirm.disabled = false;
    }
  });
  block.append(publish, asking, failure);
  return block;
}

async function roundSection(contest: ContestView, round: RoundScheduleView, province: boolean): Promise<HTMLElement> {
  const section = h("section", { class: "round-schedule", "data-round": round.name });
  const render = async () => {
    const current = await api<RoundScheduleView>("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/schedule`);
    const timeline = await api<RoundTimelineView>("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/timeline`);
    const cancel = h("button", { type: "button", class: "secondary danger" }, t("roundsCancel"));
    const cancelFailure = h("p", { class: "error", role: "alert" });
    cancel.addEventListener("click", async () => {
      const reason = window.prompt(t("roundsCancelReason"));
      if (!reason) return;
      try {
        const { etag } = await apiWithETag("GET", `/api/contests/${contest.id}/rounds/${round.roundId}/schedule`);
        await api("POST", `/api/contests/${contest.id}/rounds/${round.roundId}/cancel`, { reason }, { "If-Match": etag ?? "" });
        await render();
      } catch (error) {
        cancelFailure.textContent = failureMessage(error, "connectionFailed");
      }
    });
    replaceChildren(section,
      h("h3", {}, current.name, " ", h("span", { class: "status-badge", "data-testid": "round-phase" }, t(`roundsPhase${current.state.phase}` as TextKey))),
      current.cancelled ? h("p", { class: "notice error" }, t("roundsCancelled", current.cancelReason ?? "")) : null,
      publicationBlock(contest, current, province, render),
      province ? scheduleForm(contest, current, render) : null,
      province && current.scheduled && !current.cancelled ? h("div", {}, cancel, cancelFailure) : null,
      h("h4", {}, t("roundsTimeline")),
      timelineTable(timeline),
      current.scheduled ? await submissionsBlock(contest, current, province) : null);
  };
  await render();
  return section;
}

/**
 * The panel for every judged round of the contest, loaded when first opened (a round's submission list covers every
 * team); district organisers see it without the schedule forms.
 */
export function roundsSchedulePanel(contest: ContestView, province: boolean): HTMLElement {
  const body = h("div", {}, h("p", { class: "muted" }, t("loading")));
  const panel = h("details", { class: "panel", "data-testid": "rounds-schedule-panel" }, h("summary", {}, t("roundsScheduleTitle")), body);
  let loaded = false;
  panel.addEventListener("toggle", async () => {
    if (!panel.open || loaded) return;
    loaded = true;
    try {
      const rounds = (await api<RoundScheduleView[]>("GET", `/api/contests/${contest.id}/rounds`)).filter((round) => round.type === "JudgedSubmissions");
      replaceChildren(body,
        rounds.length === 0 ? h("p", { class: "muted" }, t("roundsNoJudgedRounds")) : null,
        ...(await Promise.all(rounds.map((round) => roundSection(contest, round, province)))));
    } catch (error) {
      loaded = false;
      replaceChildren(body, h("p", { class: "error" }, failureMessage(error, "loadFailed")));
    }
  });
  return panel;
}
