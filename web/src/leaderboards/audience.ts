import { api } from "../api/client";
import { isRefusal } from "../api/problems";
import type { ContestView } from "../api/types";
import { resolveContest } from "../contests";
import { t } from "../i18n";
import { matchRounds } from "../matches/live";
import type { MatchRoundView } from "../matches/types";
import { retryUntilDone } from "../retry";

// What the big screen and the phone board share: which contest and round they show, and the freeze notice.

export interface AudienceBoard {
  contest: ContestView;
  roundId: string;
  roundName: string;
}

/** The contest of ?contest= (or the first) and its match round of ?round= (or the first); null when there is none. */
export async function audienceBoard(onOffline: () => void): Promise<AudienceBoard | null> {
  const contest = await retryUntilDone(resolveContest, (error) => {
    if (isRefusal(error)) throw error; // an unknown contest does not come right by waiting
    onOffline();
  });
  if (!contest) return null;
  const roundId = new URLSearchParams(window.location.search).get("round") ?? (await matchRounds(contest.id))[0]?.id;
  if (!roundId) return null;
  return { contest, roundId, roundName: contest.rounds.find((round) => round.id === roundId)?.name ?? "" };
}

const clock = new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" });

/** "Frozen at 16:00 …" or "Revealing 2 of 4", or empty while the board is live. */
export function freezeNotice(view: MatchRoundView): string {
  if (!view.freeze) return "";
  return view.freeze.revealed > 0
    ? t("standingsRevealing", view.freeze.revealed, view.freeze.steps)
    : t("standingsFrozen", clock.format(new Date(view.freeze.at)));
}

export function phoneLink(board: AudienceBoard): Promise<{ url: string; qrCodeSvg: string }> {
  return api("GET", `/api/contests/${board.contest.id}/rounds/${board.roundId}/matches/board/phone`);
}
