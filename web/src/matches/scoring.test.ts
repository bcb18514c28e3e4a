import { describe, expect, it } from "vitest";
import { emptySheet, fieldsNow, score, tap } from "./scoring";
import type { GameDefinition, MatchView } from "./types";

const game: GameDefinition = {
  name: "Gieo hạt",
  tasks: [{ code: "seed", name: "Gieo hạt", points: 10, maxCount: 12 }],
  penalties: [
    { code: "cross", name: "Chạm vùng đối phương", points: 10, effect: "ToOpponent", maxCount: 5 },
    { code: "early", name: "Khởi động sớm", points: 5, effect: "Subtracted", maxCount: 3 },
  ],
  instantWin: "Chiến thắng tuyệt đối",
  matchSeconds: 180,
  rankingPoints: { win: 3, draw: 1, loss: 0 },
  tieBreakers: ["RankingPoints"],
  matchMinutes: 3,
};

describe("match scoring on the tablet", () => {
  it("adds task points, gives ToOpponent penalties to the other side and subtracts the others, like the server", () => {
    let sheet = tap(emptySheet(), "Red", "tasks", "seed", 4, 12);
    sheet = tap(sheet, "Red", "penalties", "cross", 1, 5);
    sheet = tap(sheet, "Blue", "penalties", "early", 1, 3);

    const result = score(game, sheet);

    expect([result.red.points, result.blue.points, result.winner]).toEqual([40, 5, "Red"]);
    expect([result.red.penaltyPoints, result.blue.penaltyPoints]).toEqual([10, 5]);
  });

  it("keeps counts between zero and the maximum", () => {
    expect(tap(emptySheet(), "Blue", "tasks", "seed", -1, 12).blue.tasks.seed).toBe(0);
    expect(tap(emptySheet(), "Blue", "tasks", "seed", 20, 12).blue.tasks.seed).toBe(12);
  });

  it("an instant win wins whatever the points; level points are a draw unless decided", () => {
    const level = tap(tap(emptySheet(), "Red", "tasks", "seed", 2, 12), "Blue", "tasks", "seed", 2, 12);
    expect(score(game, level).winner).toBeNull();
    expect(score(game, { ...level, decidedWinner: "Blue" }).winner).toBe("Blue");
    expect(score(game, { ...level, instantWinBy: "Red", instantWinSeconds: 70 }).winner).toBe("Red");
  });
});

describe("what each field is playing", () => {
  const match = (code: string, field: string, minute: number, status: MatchView["status"]): MatchView => ({
    code, stage: "Group", group: "A", round: 1, field, startsAt: `2024-08-10T01:${String(minute).padStart(2, "0")}:00Z`,
    red: "r", blue: "b", status, score: null, official: status === "Confirmed", needsReview: false, version: 0,
  });

  it("shows the earliest unconfirmed match as current and the one after as next", () => {
    const matches = [match("A1", "Sân 1", 0, "Confirmed"), match("A3", "Sân 1", 10, "Scheduled"), match("A2", "Sân 1", 5, "AwaitingConfirmation"), match("B1", "Sân 2", 0, "Scheduled")];

    const now = fieldsNow(matches, ["Sân 1", "Sân 2", "Sân 3"]);

    expect(now.map((field) => [field.field, field.current?.code, field.next?.code])).toEqual([
      ["Sân 1", "A2", "A3"], ["Sân 2", "B1", undefined], ["Sân 3", undefined, undefined],
    ]);
  });
});
