import { appPath } from "../address";
import { api, apiWithETag } from "../api/client";
import type { ContestView, TeamView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { clearErrors, field, input, showErrors, value } from "../forms";
import { t } from "../i18n";
import { teamName } from "../matches/live";
import { bracket, groupTable, matchTime } from "../matches/render";
import type { GameForm, MatchRoundView } from "../matches/types";
import "../matches/matches.css";

// The organisers' panel for each match round of a contest: the game, the teams in seed order, the group draw with its
// timetable, the knockout bracket, delays, lots, and links to the hall's screen, the referees' tablet and the
// printable schedules.

const defaultGame: GameForm = {
  name: "Robocon",
  tasks: [{ name: "Nhiệm vụ 1", points: 10, maxCount: 10, code: null }],
  penalties: [{ name: "Phạm luật", points: 10, effect: "ToOpponent", maxCount: 5, code: null }],
  instantWin: "Chiến thắng tuyệt đối",
  matchSeconds: 180,
  rankingPoints: { win: 3, draw: 1, loss: 0 },
  tieBreakers: null,
};

function roundUrl(contest: ContestView, roundId: string): string {
  return `/api/contests/${contest.id}/rounds/${roundId}/matches`;
}

/** One line per task or penalty: "name | points | max count" (and "| ToOpponent" or "| Subtracted" for penalties). */
function linesOf(items: { name: string | null; points: number | null; maxCount: number | null; effect?: string | null }[]): string {
  return items.map((item) => [item.name, item.points, item.maxCount, item.effect].filter((part) => part !== undefined && part !== null).join(" | ")).join("\n");
}

function parseLines(text: string, withEffect: boolean) {
  return text.split("\n").map((line) => line.split("|").map((part) => part.trim())).filter((parts) => parts[0]).map((parts) => ({
    name: parts[0] ?? null,
    points: Number(parts[1]),
    maxCount: Number(parts[2]),
    ...(withEffect ? { effect: parts[3] || "ToOpponent" } : {}),
    code: null,
  }));
}

async function roundPanel(contest: ContestView, roundId: string, name: string): Promise<HTMLElement> {
  const body = h("div", { class: "stack" });
  const outcome = h("div", { class: "form-errors", role: "alert", hidden: true, "data-testid": "matches-errors" });
  const url = roundUrl(contest, roundId);
  let view: MatchRoundView | undefined;
  let etag: string | null = null;

  const load = async () => {
    try {
      const answer = await apiWithETag<MatchRoundView>("GET", url);
      view = answer.body;
      etag = answer.etag;
    } catch {
      view = undefined;
      etag = null;
    }
    render();
  };
  /** Sends a change with the round's version; a refusal shows beside the form, success re-renders the panel. */
  const send = async (form: HTMLFormElement, method: string, path: string, request: unknown) => {
    clearErrors(form, outcome);
    try {
      await api(method, `${url}${path}`, request, etag ? { "If-Match": etag } : {});
      await load();
    } catch (error) {
      showErrors(form, outcome, error);
    }
  };
  const formOf = (testId: string, submitKey: Parameters<typeof t>[0], onSubmit: (form: HTMLFormElement) => Promise<void>, ...fields: (HTMLElement | null)[]) => {
    const form = h("form", { class: "stack", "data-testid": testId }, ...fields, h("button", { type: "submit", class: "primary" }, t(submitKey)));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void onSubmit(form);
    });
    return form;
  };

  function gameForm(): HTMLElement {
    const game = view?.game;
    const tasks = h("textarea", { name: "tasks", rows: 4 });
    tasks.value = linesOf(game?.tasks ?? defaultGame.tasks ?? []);
    const penalties = h("textarea", { name: "penalties", rows: 3 });
    penalties.value = linesOf(game?.penalties.map((penalty) => ({ ...penalty })) ?? defaultGame.penalties ?? []);
    const tieBreakers = input("tieBreakers", "text", { value: (game?.tieBreakers ?? []).join(", ") });
    return h("details", { open: !game }, h("summary", {}, t("matchesGame")),
      formOf("game-form", "matchesSaveGame", (form) => send(form, "PUT", "/game", {
        name: value(form, "name"),
        tasks: parseLines(tasks.value, false),
        penalties: parseLines(penalties.value, true),
        instantWin: value(form, "instantWin") || null,
        matchSeconds: Number(value(form, "matchSeconds")),
        rankingPoints: { win: Number(value(form, "win")), draw: Number(value(form, "draw")), loss: Number(value(form, "loss")) },
        tieBreakers: value(form, "tieBreakers") ? value(form, "tieBreakers").split(",").map((part) => part.trim()) : null,
      }),
      field("matchesGameName", input("name", "text", { value: game?.name ?? defaultGame.name ?? "" })),
      field("matchesTasks", tasks, "matchesLinesHint"),
      field("matchesPenalties", penalties, "matchesPenaltyLinesHint"),
      field("matchesInstantWin", input("instantWin", "text", { value: game ? game.instantWin ?? "" : defaultGame.instantWin ?? "" })),
      h("div", { class: "row" },
        field("matchesDuration", input("matchSeconds", "number", { value: game?.matchSeconds ?? 180 })),
        field("matchesWin", input("win", "number", { value: game?.rankingPoints.win ?? 3 })),
        field("matchesDraw", input("draw", "number", { value: game?.rankingPoints.draw ?? 1 })),
        field("matchesLoss", input("loss", "number", { value: game?.rankingPoints.loss ?? 0 }))),
      field("matchesTieBreakers", tieBreakers, "matchesTieBreakersHint")));
  }

  function teamsForm(): HTMLElement {
    const codes = h("textarea", { name: "teamIds", rows: 6, "data-testid": "team-codes" });
    codes.value = (view?.teams ?? []).map((team) => team.name).join("\n");
    return h("details", {}, h("summary", {}, t("matchesTeams", view?.teams.length ?? 0)),
      formOf("teams-form", "matchesSaveTeams", async (form) => {
        // Lines are team codes or names in seed order; an empty list means the contest's approved teams.
        const teams = await api<TeamView[]>("GET", `/api/contests/${contest.id}/teams`);
        const lines = codes.value.split("\n").map((line) => line.trim()).filter(Boolean);
        const ids = lines.map((line) => teams.find((team) => team.code === line || team.name === line)?.id ?? line);
        await send(form, "PUT", "/teams", { teamIds: ids });
      }, field("matchesSeedOrder", codes, "matchesSeedOrderHint")));
  }

  function drawForm(): HTMLElement {
    const groups = Math.max(1, Math.floor((view?.teams.length ?? 0) / 4));
    return h("details", {}, h("summary", {}, t("matchesDraw")),
      formOf("draw-form", "matchesDrawGroups", (form) => send(form, "POST", "/draw", {
        groupCount: Number(value(form, "groupCount")),
        fields: value(form, "fields").split(",").map((part) => part.trim()).filter(Boolean),
        startsAt: value(form, "startsAt") || null,
        slotMinutes: Number(value(form, "slotMinutes")),
        minRestMinutes: Number(value(form, "minRestMinutes")),
        endsBy: value(form, "endsBy") || null,
        seed: value(form, "seed") ? Number(value(form, "seed")) : null,
      }),
      h("div", { class: "row" },
        field("matchesGroupCount", input("groupCount", "number", { min: 1, value: view?.groups.length || groups })),
        field("matchesFields", input("fields", "text", { value: view?.fields.join(", ") || "Sân 1, Sân 2" }))),
      h("div", { class: "row" },
        field("matchesStartsAt", input("startsAt", "datetime-local")),
        field("matchesEndsBy", input("endsBy", "datetime-local"), "optional")),
      h("div", { class: "row" },
        field("matchesSlotMinutes", input("slotMinutes", "number", { value: view?.slotMinutes || 6 })),
        field("matchesMinRest", input("minRestMinutes", "number", { value: view?.minRestMinutes ?? 10 })),
        field("matchesSeed", input("seed", "number", { value: view?.seed || "" }), "optional"))));
  }

  function knockoutForm(): HTMLElement {
    const third = h("input", { type: "checkbox", name: "thirdPlace", checked: true });
    return h("details", {}, h("summary", {}, t("matchesKnockout")),
      formOf("bracket-form", "matchesDrawBracket", (form) => send(form, "POST", "/bracket", {
        advancePerGroup: Number(value(form, "advancePerGroup")),
        thirdPlace: third.checked,
        startsAt: value(form, "knockoutStartsAt") || null,
      }),
      h("div", { class: "row" },
        field("matchesAdvancePerGroup", input("advancePerGroup", "number", { min: 1, value: 2 })),
        field("matchesStartsAt", input("knockoutStartsAt", "datetime-local"), "optional")),
      h("label", { class: "row" }, third, t("matchesThirdPlace"))));
  }

  function dayForm(): HTMLElement {
    return h("details", {}, h("summary", {}, t("matchesDelays")),
      formOf("delay-form", "matchesApplyDelay", (form) => send(form, "POST", "/delays", {
        field: value(form, "field"), minutes: Number(value(form, "minutes")), reason: value(form, "reason"),
      }),
      h("div", { class: "row" },
        field("matchesField", input("field", "text", { value: view?.fields[0] ?? "" })),
        field("matchesMinutes", input("minutes", "number", { value: 10 })),
        field("matchesReason", input("reason")))),
      formOf("lot-form", "matchesDrawLot", (form) => send(form, "POST", "/lots", { group: value(form, "group") }),
        field("matchesGroupName", input("group", "text", { value: "A" }))));
  }

  function render(): void {
    const links = h("p", { class: "row" },
      h("a", { class: "button secondary", href: appPath(`/matches/?contest=${contest.id}&round=${roundId}`), "data-testid": "open-match-board" }, t("matchesOpenBoard")),
      h("a", { class: "button secondary", href: appPath(`/referee/?contest=${contest.id}&round=${roundId}`) }, t("matchesOpenReferee")),
      h("a", { class: "button secondary", href: appPath(`/matches/?contest=${contest.id}&round=${roundId}&view=schedule`) }, t("matchesPrintSchedule")));
    const unmet = view?.unmet.length
      ? h("div", { class: "notice error", "data-testid": "unmet" }, h("strong", {}, t("matchesUnmet", view.unmet.length)),
        h("ul", {}, ...view.unmet.slice(0, 20).map((item) => {
          const match = view!.matches.find((candidate) => candidate.code === item.match);
          return h("li", {}, `${item.match}${match ? ` (${match.field}, ${matchTime(match)})` : ""}: ${t(`matchesRule-${item.rule}` as Parameters<typeof t>[0])}${item.team ? ` — ${teamName(view!, item.team)}` : ""}`);
        })))
      : null;
    const timetable = view && view.matches.length
      ? h("details", {}, h("summary", {}, t("matchesTimetable", view.matches.length)),
        h("table", { class: "data" }, h("tbody", {}, ...view.matches.map((match) => h("tr", {},
          h("td", {}, matchTime(match)), h("td", {}, match.field), h("td", {}, match.code),
          h("td", {}, teamName(view!, match.red)), h("td", {}, teamName(view!, match.blue)), h("td", {}, t(`matchesStatus${match.status}` as const)))))))
      : null;
    replaceChildren(body, outcome, view ? links : null, gameForm(), view ? teamsForm() : null, view?.teams.length ? drawForm() : null, unmet, timetable,
      view?.groups.length ? h("div", { class: "group-tables compact" }, ...view.groups.map((table) => groupTable(view!, table))) : null,
      view?.groups.length ? knockoutForm() : null, view ? bracket(view) : null, view?.groups.length ? dayForm() : null);
  }

  await load();
  return h("details", { class: "panel", "data-match-round": name }, h("summary", {}, t("matchesPanelTitle", name)), body);
}

/** A panel per match round of the contest; nothing when it has none. */
export async function matchRoundPanels(contest: ContestView): Promise<HTMLElement[]> {
  const rounds = contest.rounds.filter((round) => round.type === "Matches");
  return Promise.all(rounds.map((round) => roundPanel(contest, round.id, round.name)));
}
