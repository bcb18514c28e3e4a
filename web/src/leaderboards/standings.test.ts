import { describe, expect, it } from "vitest";
import type { MatchRoundView } from "../matches/types";
import { findTeams, moves, page, ranks, searchKey, standingLines } from "./standings";

const row = (teamId: string, rank: number, points: number) => ({
  teamId, rank, played: 2, won: points / 3, drawn: 0, lost: 2 - points / 3, rankingPoints: points, pointsFor: 10, pointsAgainst: 5,
  penaltyPoints: 0, fastestInstantWinSeconds: null, awaitingLot: false,
});

const view = {
  teams: [
    { teamId: "a", name: "Đội Bắc Giang Một", school: "THPT Ngô Sĩ Liên", district: "TP Bắc Giang" },
    { teamId: "b", name: "Robot Lục Ngạn", school: "THCS Lục Ngạn", district: "Lục Ngạn" },
    { teamId: "c", name: "Việt Yên Xanh", school: "THPT Việt Yên", district: "Việt Yên" },
  ],
  groups: [{ group: "A", rows: [row("b", 2, 3), row("c", 3, 0)], complete: true, concealed: 1 }],
  matches: [],
} as unknown as MatchRoundView;

describe("standings", () => {
  it("puts concealed places above the revealed rows of their group", () => {
    const lines = standingLines(view);
    expect(lines.map((line) => [line.key, line.concealed, line.rank])).toEqual([["A#1", true, null], ["b", false, 2], ["c", false, 3]]);
    expect(lines[1]).toMatchObject({ team: "Robot Lục Ngạn", record: "1-0-1", points: 3 });
  });

  it("turns pages and wraps around", () => {
    const items = [1, 2, 3, 4, 5];
    expect(page(items, 2, 0)).toEqual({ items: [1, 2], index: 0, count: 3 });
    expect(page(items, 2, 2)).toEqual({ items: [5], index: 2, count: 3 });
    expect(page(items, 2, 3)).toEqual({ items: [1, 2], index: 0, count: 3 });
    expect(page([], 2, 1)).toEqual({ items: [], index: 0, count: 1 });
  });

  it("knows whose rank went up and whose went down, whatever rows were inserted above", () => {
    const lines = standingLines(view);
    const before = new Map([["c", 1], ["b", 3]]);
    expect(moves(before, lines)).toEqual(new Map([["b", "up"], ["c", "down"]]));
    expect(moves(ranks(lines), lines).size).toBe(0);
    expect(ranks(lines)).toEqual(new Map([["b", 2], ["c", 3]]));
  });

  it("finds a team however its name is typed, never a concealed place", () => {
    expect(searchKey("Đội Bắc Giang")).toBe("doi bac giang");
    expect(findTeams(standingLines(view), "luc ngan").map((line) => line.key)).toEqual(["b"]);
    expect(findTeams(standingLines(view), "VIỆT YÊN").map((line) => line.key)).toEqual(["c"]);
    expect(findTeams(standingLines(view), "").map((line) => line.key)).toEqual(["b", "c"]);
  });
});
