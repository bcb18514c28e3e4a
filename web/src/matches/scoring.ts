import type { GameDefinition, MatchScore, MatchView, ScoreSheet, Side, SideSheet } from "./types";

// The running total a referee sees while tapping, computed on the tablet so it shows even with no network. It
// follows the server's rule (MatchScoring.Score): tasks earn their points, a penalty is either taken from its side or
// given to the other side; an instant win wins; level points are a draw unless a winner is decided.

export function emptySheet(): ScoreSheet {
  return { red: { tasks: {}, penalties: {} }, blue: { tasks: {}, penalties: {} }, instantWinBy: null, instantWinSeconds: null, decidedWinner: null };
}

function tally(game: GameDefinition, side: SideSheet): { tasks: number; subtracted: number; toOpponent: number } {
  const tasks = game.tasks.reduce((sum, task) => sum + task.points * (side.tasks[task.code] ?? 0), 0);
  const penalty = (effect: string) => game.penalties
    .filter((rule) => rule.effect === effect)
    .reduce((sum, rule) => sum + rule.points * (side.penalties[rule.code] ?? 0), 0);
  return { tasks, subtracted: penalty("Subtracted"), toOpponent: penalty("ToOpponent") };
}

export function score(game: GameDefinition, sheet: ScoreSheet): MatchScore {
  const red = tally(game, sheet.red);
  const blue = tally(game, sheet.blue);
  const redPoints = red.tasks - red.subtracted + blue.toOpponent;
  const bluePoints = blue.tasks - blue.subtracted + red.toOpponent;
  const winner: Side | null = sheet.instantWinBy ?? (redPoints > bluePoints ? "Red" : bluePoints > redPoints ? "Blue" : sheet.decidedWinner);
  return {
    red: { points: redPoints, taskPoints: red.tasks, penaltyPoints: red.subtracted + red.toOpponent },
    blue: { points: bluePoints, taskPoints: blue.tasks, penaltyPoints: blue.subtracted + blue.toOpponent },
    winner,
    instantWinBy: sheet.instantWinBy,
    instantWinSeconds: sheet.instantWinBy ? sheet.instantWinSeconds : null,
  };
}

/** A tap on a counter: within 0 and the item's maximum. */
export function tap(sheet: ScoreSheet, side: Side, kind: "tasks" | "penalties", code: string, delta: number, max: number): ScoreSheet {
  const key = side === "Red" ? "red" : "blue";
  const current = sheet[key][kind][code] ?? 0;
  const next = Math.min(max, Math.max(0, current + delta));
  return { ...sheet, [key]: { ...sheet[key], [kind]: { ...sheet[key][kind], [code]: next } } };
}

/** Per field, the match being played or next to play (the earliest not yet confirmed) and the one after it. */
export function fieldsNow(matches: readonly MatchView[], fields: readonly string[]): { field: string; current?: MatchView; next?: MatchView }[] {
  return fields.map((field) => {
    const open = matches
      .filter((match) => match.field === field && match.status !== "Confirmed")
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { field, current: open[0], next: open[1] };
  });
}
