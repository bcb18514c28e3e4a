import type { components } from "../api/schema";
import { searchKey } from "../leaderboards/standings";

// Pure rules behind the correction screens: which entries a head judge can open, finding one by what they type, and
// one Idempotency-Key per correction however often it is resent.

type EntryLabel = components["schemas"]["EntryLabel"];
type JudgingResultsView = components["schemas"]["JudgingResultsView"];

/** The round's entries that have counted sheets, from its ranking: by division, then team code. */
export function entriesWithSheets(results: Pick<JudgingResultsView, "divisions">): EntryLabel[] {
  return results.divisions
    .flatMap((division) => division.rows.map((row) => row.entry))
    .sort((a, b) => a.division.localeCompare(b.division) || a.code.localeCompare(b.code, undefined, { numeric: true }));
}

/** Entries whose code, team, school or district holds what was typed, with or without Vietnamese diacritics. */
export function findEntries(entries: readonly EntryLabel[], query: string): EntryLabel[] {
  const wanted = searchKey(query);
  if (!wanted) return [...entries];
  return entries.filter((entry) => searchKey(`${entry.code} ${entry.name} ${entry.school} ${entry.district}`).includes(wanted));
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
