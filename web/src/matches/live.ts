import { appPath } from "../address";
import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { api } from "../api/client";
import type { BoardUpdate } from "../api/types";
import { decide } from "../boardVersions";
import { t } from "../i18n";
import { rerunOnRequest, retryDelay, retryUntilDone } from "../retry";
import type { LiveScore, MatchRoundView } from "./types";

export type LinkState = "live" | "reconnecting" | "offline";

export interface BoardHandlers {
  board: (view: MatchRoundView) => void;
  live?: (score: LiveScore) => void;
  link?: (state: LinkState) => void;
}

export function boardName(contestId: string, roundId: string): string {
  return `contest/${contestId}/rounds/${roundId}/matches`;
}

/**
 * Follows a match round's public board: subscribes first, then reads the snapshot, so nothing pushed in between is
 * missed; applies pushed boards that follow the one on screen, refetches when versions were skipped, and after a
 * reconnect subscribes again and catches up. Live scores are applied as they come (the latest sequence per match wins).
 */
export async function followBoard(contestId: string, roundId: string, handlers: BoardHandlers): Promise<void> {
  const name = boardName(contestId, roundId);
  let shown: number | undefined;
  const show = (view: MatchRoundView, source: "update" | "snapshot") => {
    const decision = decide(shown, view.version, source);
    if (decision === "apply") {
      shown = view.version;
      handlers.board(view);
    }
    return decision;
  };
  const snapshot = async () => {
    show(await api<MatchRoundView>("GET", `/api/contests/${contestId}/rounds/${roundId}/matches/board`), "snapshot");
  };
  const connection = new HubConnectionBuilder()
    .withUrl(appPath("/hubs/live"))
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => retryDelay(retry.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  const catchUp = rerunOnRequest(() => retryUntilDone(async () => {
    if (connection.state === HubConnectionState.Disconnected) await connection.start();
    await connection.invoke("Subscribe", name);
    await snapshot();
    handlers.link?.("live");
  }, async () => {
    handlers.link?.(connection.state === HubConnectionState.Reconnecting ? "reconnecting" : "offline");
    await snapshot().catch(() => undefined);
  }));
  connection.on("BoardUpdated", (update: BoardUpdate<MatchRoundView>) => {
    if (update.board === name && show(update.data, "update") === "refetch") void catchUp();
  });
  const latest = new Map<string, number>();
  connection.on("LiveScore", (score: LiveScore) => {
    if (score.board !== name || (latest.get(score.code) ?? -1) >= score.sequence) return;
    latest.set(score.code, score.sequence);
    handlers.live?.(score);
  });
  connection.onreconnecting(() => handlers.link?.("reconnecting"));
  connection.onreconnected(() => void catchUp());
  connection.onclose(() => void catchUp());
  window.addEventListener("online", () => void catchUp());
  // Show what the server holds at once, while the live connection is still being made.
  await snapshot().catch(() => undefined);
  await catchUp();
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
