import { api } from "./api/client";
import type { ContestSummary, ContestView } from "./api/types";
import { contestIdFromUrl } from "./shell";

/** The contest named in ?contest=, or the first one there is; null when there are none. */
export async function resolveContest(): Promise<ContestView | null> {
  const id = contestIdFromUrl() ?? (await api<ContestSummary[]>("GET", "/api/contests"))[0]?.id;
  return id ? api<ContestView>("GET", `/api/contests/${id}`) : null;
}
