import { appPath } from "../address";
import { apiWithETag } from "../api/client";
import type { ContestView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { showErrors } from "../forms";
import { t, type TextKey } from "../i18n";

// The organisers' controls of a public board before the ceremony: freeze it, then reveal it step by step from the
// bottom (each step reaches every screen at once) or all at once; and the audience screens to open.

interface FreezeState {
  kind: string;
  boardId: string;
  frozen: boolean;
  frozenAt: string | null;
  revealed: number;
  steps: number;
  version: number;
}

const clock = new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit" });

function freezePanel(contest: ContestView, roundId: string, name: string): HTMLElement {
  const url = `/api/contests/${contest.id}/boards/matches/${roundId}`;
  const state = h("p", { "data-testid": "freeze-state" });
  const outcome = h("div", { class: "form-errors", role: "alert", hidden: true, "data-testid": "freeze-errors" });
  const form = h("form", { class: "stack" });
  let etag: string | null = null;
  const button = (key: TextKey, path: string, testId: string) => {
    const action = h("button", { type: "button", class: "primary", "data-testid": testId }, t(key));
    action.addEventListener("click", () => void change(path));
    return action;
  };
  const freeze = button("boardsFreeze", "/freeze", "freeze-board");
  const next = button("boardsRevealNext", "/reveal/next", "reveal-next");
  const all = button("boardsRevealAll", "/reveal", "reveal-all");
  const show = (current: FreezeState) => {
    state.textContent = current.frozen
      ? t("boardsFrozenState", clock.format(new Date(current.frozenAt!)), current.revealed, current.steps)
      : t("boardsLive");
    freeze.hidden = current.frozen;
    next.hidden = !current.frozen;
    all.hidden = !current.frozen;
  };
  const load = async () => {
    const answer = await apiWithETag<FreezeState>("GET", `${url}/freeze`);
    etag = answer.etag;
    show(answer.body);
  };
  async function change(path: string) {
    try {
      const answer = await apiWithETag<FreezeState>("POST", `${url}${path}`, undefined, etag ? { "If-Match": etag } : {});
      etag = answer.etag;
      show(answer.body);
    } catch (error) {
      showErrors(form, outcome, error);
      await load().catch(() => undefined); // a stale version: show what is true now, ready for the next press
    }
  }
  replaceChildren(form, state, outcome, h("div", { class: "row" }, freeze, next, all));
  void load().catch((error) => showErrors(form, outcome, error));
  return h("details", { class: "panel", "data-testid": "board-freeze", "data-board-round": name },
    h("summary", {}, `${t("boardsFreezeTitle")} — ${name}`),
    h("p", { class: "muted" }, t("boardsFreezeHint")),
    form,
    h("div", { class: "row" },
      h("a", { class: "button secondary", href: appPath(`/screen/?contest=${contest.id}&round=${roundId}`), "data-testid": "open-big-screen" }, t("boardsOpenScreen")),
      h("a", { class: "button secondary", href: appPath(`/standings/?contest=${contest.id}&round=${roundId}`) }, t("boardsOpenPhone"))));
}

export function boardFreezePanels(contest: ContestView): HTMLElement[] {
  return contest.rounds.filter((round) => round.type === "Matches").map((round) => freezePanel(contest, round.id, round.name));
}
