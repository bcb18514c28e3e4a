import type { MatchRoundView, MatchView } from "../matches/types";

// What both audience screens (the hall's big screen and phones) draw from a match board: one line per place, group
// after group, with the places a reveal still conceals as lines of their own.

export interface StandingLine {
  /** The team's id, or a place's own key while it is concealed, so animations follow teams and not places. */
  key: string;
  group: string;
  rank: number | null;
  teamId: string | null;
  team: string;
  school: string;
  district: string;
  played: number;
  record: string;
  pointsFor: number;
  points: number;
  concealed: boolean;
}

export function standingLines(view: MatchRoundView): StandingLine[] {
  const teams = new Map(view.teams.map((team) => [team.teamId, team]));
  return view.groups.flatMap((table) => [
    ...Array.from({ length: table.concealed ?? 0 }, (_, index): StandingLine => ({
      key: `${table.group}#${index + 1}`, group: table.group, rank: null, teamId: null, team: "", school: "", district: "",
      played: 0, record: "", pointsFor: 0, points: 0, concealed: true,
    })),
    ...table.rows.map((row): StandingLine => {
      const team = teams.get(row.teamId);
      return {
        key: row.teamId, group: table.group, rank: row.rank, teamId: row.teamId, team: team?.name ?? "", school: team?.school ?? "",
        district: team?.district ?? "", played: row.played, record: `${row.won}-${row.drawn}-${row.lost}`, pointsFor: row.pointsFor,
        points: row.rankingPoints, concealed: false,
      };
    }),
  ]);
}

/** Pages of at most `size` lines; the page shown wraps around so a screen can keep turning pages forever. */
export function page<T>(items: readonly T[], size: number, index: number): { items: T[]; index: number; count: number } {
  const count = Math.max(1, Math.ceil(items.length / size));
  const wrapped = ((index % count) + count) % count;
  return { items: items.slice(wrapped * size, wrapped * size + size), index: wrapped, count };
}

/** Which teams changed rank since the last board, for the screen to animate; concealed places never "move". */
export function moves(previous: ReadonlyMap<string, number>, lines: readonly StandingLine[]): Map<string, "up" | "down"> {
  const moved = new Map<string, "up" | "down">();
  for (const line of lines) {
    const before = previous.get(line.key);
    if (line.rank === null || before === undefined || before === line.rank) continue;
    moved.set(line.key, line.rank < before ? "up" : "down");
  }
  return moved;
}

/** Each shown team's rank, to compare the next board with. */
export function ranks(lines: readonly StandingLine[]): Map<string, number> {
  return new Map(lines.flatMap((line) => (line.rank === null ? [] : [[line.key, line.rank] as const])));
}

/** Lower case without diacritics ("Đội Bắc Giang" → "doi bac giang"), so people find a team however they type it. */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
}

export function findTeams(lines: readonly StandingLine[], query: string): StandingLine[] {
  const wanted = searchKey(query);
  if (!wanted) return lines.filter((line) => !line.concealed);
  return lines.filter((line) => !line.concealed && searchKey(`${line.team} ${line.school} ${line.district}`).includes(wanted));
}

/** The followed team's next match that is not over yet, if any. */
export function nextMatch(view: MatchRoundView, teamId: string): MatchView | undefined {
  return view.matches.find((match) => (match.red === teamId || match.blue === teamId) && !match.official);
}
