import { describe, expect, it } from "vitest";
import { sheetTotal, stepValue } from "./steps";

describe("stepValue", () => {
  it("starts from nothing at one step", () => {
    expect(stepValue(undefined, 1, 0.5, 10)).toBe(0.5);
  });

  it("stays on the step without rounding errors", () => {
    let value: number | undefined;
    for (let tap = 0; tap < 7; tap++) value = stepValue(value, 1, 0.1, 1);
    expect(value).toBe(0.7);
  });

  it("stops at zero and at the maximum", () => {
    expect(stepValue(0, -1, 1, 5)).toBe(0);
    expect(stepValue(5, 1, 1, 5)).toBe(5);
    expect(stepValue(9.5, 3, 0.5, 10)).toBe(10);
  });
});

describe("sheetTotal", () => {
  it("weights each criterion and counts unscored ones as zero", () => {
    const criteria = [{ code: "MOI", weight: 2 }, { code: "KH", weight: 1 }, { code: "TD", weight: 0.5 }];
    expect(sheetTotal(criteria, new Map([["MOI", 4.5], ["KH", 3]]))).toBe(12);
    expect(sheetTotal(criteria, new Map())).toBe(0);
  });
});
