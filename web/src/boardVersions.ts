// A board message carries the whole board at a version, so a newer one can always be applied even if some were
// missed; an older or repeated one (a late delivery racing a snapshot fetch) must never replace what is shown.

export type BoardDecision = "apply" | "ignore";

export function decide(shownVersion: number | undefined, incomingVersion: number): BoardDecision {
  return shownVersion === undefined || incomingVersion > shownVersion ? "apply" : "ignore";
}
