import type { components } from "../api/schema";
import { searchKey } from "../leaderboards/standings";

// Pure rules behind the correction screens: which entries a head judge can open, finding one by what they type, and
// one Idempotency-Key per correction however often it is resent.

type EntryLabel = components["schemas"]["EntryLabel"];
type EntryProgressView = components["schemas"]["EntryProgressView"];

/** Every entry of the round from its progress (those still without a sheet too): by division, then team code. */
export function roundEntries(progress: { entries: readonly EntryProgressView[] }): EntryProgressView[] {
  return [...progress.entries].sort((a, b) =>
    a.entry.division.localeCompare(b.entry.division) || a.entry.code.localeCompare(b.entry.code, undefined, { numeric: true }));
}

/** How far an entry's sheets are: none in yet, some, or every assigned judge's (an entry nobody is assigned counts as none). */
export function sheetsState(item: Pick<EntryProgressView, "scored" | "assigned">): "none" | "partial" | "complete" {
  if (item.scored === 0) return "none";
  return item.scored >= item.assigned ? "complete" : "partial";
}

/** Entries whose code, team, school or district holds what was typed, with or without Vietnamese diacritics. */
export function findEntries<T extends { entry: EntryLabel }>(items: readonly T[], query: string): T[] {
  const wanted = searchKey(query);
  if (!wanted) return [...items];
  return items.filter(({ entry }) => searchKey(`${entry.code} ${entry.name} ${entry.school} ${entry.district}`).includes(wanted));
}

/**
 * The Idempotency-Key for a correction's body: the same while the body is the same, so a resend after no answer is
 * applied once; a new one when the body changes, so a changed correction is never taken for the earlier one.
 */
export function requestKeys(newKey: () => string = () => crypto.randomUUID()): (body: unknown) => string {
  let last: { body: string; key: string } | undefined;
  return (body) => {
    const written = JSON.stringify(body);
    if (last?.body !== written) last = { body: written, key: newKey() };
    return last.key;
  };
}
