// A criterion's value moves by whole steps between 0 and its maximum. Counting in steps, then rounding to the step's
// decimals, keeps the value exact: 7 × 0.1 is 0.7 here, not 0.7000000000000001, which the server would refuse as off-step.

function decimalsOf(step: number): number {
  return step.toString().split(".")[1]?.length ?? 0;
}

/** The value after moving `steps` steps (negative: down) from `current` (nothing scored yet counts as 0). */
export function stepValue(current: number | undefined, steps: number, step: number, maximum: number): number {
  const units = Math.min(Math.max(Math.round((current ?? 0) / step) + steps, 0), Math.round(maximum / step));
  return Number((units * step).toFixed(decimalsOf(step)));
}

/** A sheet's weighted total as the scoring screen shows it while the judge moves the steppers; unscored criteria count 0. */
export function sheetTotal(criteria: readonly { code: string; weight: number }[], values: ReadonlyMap<string, number>): number {
  return criteria.reduce((sum, criterion) => sum + (values.get(criterion.code) ?? 0) * Number(criterion.weight), 0);
}
