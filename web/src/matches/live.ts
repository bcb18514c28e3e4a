import { api } from "../api/client";
import { followBoard as follow, type LinkState } from "../boardFeed";
import { t } from "../i18n";
import type { LiveScore, MatchRoundView } from "./types";

export type { LinkState } from "../boardFeed";

export interface BoardHandlers {
  board: (view: MatchRoundView) => void;
  live?: (score: LiveScore) => void;
  link?: (state: LinkState) => void;
}

export function boardName(contestId: string, roundId: string): string {
  return `contest/${contestId}/rounds/${roundId}/matches`;
}

export function boardUrl(contestId: string, roundId: string): string {
  return `/api/contests/${contestId}/rounds/${roundId}/matches/board`;
}

/**
 * Follows a match round's board (the public one, or organisers' live one through a freeze) and the referees' running
 * scores, which are applied as they come: the latest sequence per match wins.
 */
export async function followBoard(contestId: string, roundId: string, handlers: BoardHandlers, options: { live?: boolean } = {}): Promise<void> {
  const name = boardName(contestId, roundId);
  const feed = follow<MatchRoundView>({
    name,
    live: options.live,
    snapshot: () => api<MatchRoundView>("GET", options.live ? `${boardUrl(contestId, roundId)}/live` : boardUrl(contestId, roundId)),
    show: handlers.board,
    link: handlers.link,
  });
  const latest = new Map<string, number>();
  feed.connection.on("LiveScore", (score: LiveScore) => {
    if (score.board !== name || (latest.get(score.code) ?? -1) >= score.sequence) return;
    latest.set(score.code, score.sequence);
    handlers.live?.(score);
  });
  await feed.ready;
}

/** The contest's match rounds (as ids and names) from its setup. */
export async function matchRounds(contestId: string): Promise<{ id: string; name: string }[]> {
  const contest = await api<{ rounds: { id: string; name: string; type: string }[] }>("GET", `/api/contests/${contestId}`);
  return contest.rounds.filter((round) => round.type === "Matches").map((round) => ({ id: round.id, name: round.name }));
}

/** A team's name, or "to be decided" for a knockout side the bracket has not resolved yet. */
export function teamName(view: MatchRoundView, teamId: string | null | undefined): string {
  return view.teams.find((team) => team.teamId === teamId)?.name ?? t("matchesToBeDecided");
}
