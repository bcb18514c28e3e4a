// Versions of a board are contiguous (1, 2, 3…). A pushed update that follows the version on screen is applied; one
// that skips versions means messages were lost, so the client fetches the snapshot instead; an older or repeated one
// (a late delivery racing a snapshot fetch) never replaces what is shown. A snapshot is complete by definition, so it
// may jump ahead, but it too must not take the screen back to an older version.

export type BoardDecision = "apply" | "ignore" | "refetch";

export type BoardSource = "update" | "snapshot";

export function decide(shownVersion: number | undefined, incomingVersion: number, source: BoardSource): BoardDecision {
  if (shownVersion === undefined) return "apply";
  if (incomingVersion <= shownVersion) return "ignore";
  return source === "update" && incomingVersion > shownVersion + 1 ? "refetch" : "apply";
}
