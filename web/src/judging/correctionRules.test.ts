import { describe, expect, it } from "vitest";
import { findEntries, requestKeys, roundEntries, sheetsState } from "./correctionRules";

const entry = (code: string, name: string, division: string, school = "Trường THCS Lê Lợi", district = "Lục Nam") =>
  ({ entry: { entryId: code, teamId: code, code, name, school, district, division }, scored: 0, assigned: 2 });

describe("roundEntries", () => {
  it("lists every entry, with or without sheets, by division then code", () => {
    const entries = [entry("T10", "Đội Mười", "THPT"), { ...entry("T2", "Đội Hai", "THPT"), scored: 2 }, entry("C1", "Đội Một", "THCS")];
    expect(roundEntries({ entries }).map((item) => item.entry.code)).toEqual(["C1", "T2", "T10"]);
  });
});

describe("sheetsState", () => {
  it("tells no sheet, some sheets and every assigned judge's sheet apart", () => {
    expect(sheetsState({ scored: 0, assigned: 2 })).toBe("none");
    expect(sheetsState({ scored: 1, assigned: 2 })).toBe("partial");
    expect(sheetsState({ scored: 2, assigned: 2 })).toBe("complete");
    expect(sheetsState({ scored: 0, assigned: 0 })).toBe("none");
  });
});

describe("findEntries", () => {
  const entries = [entry("C1", "Đội Bắc Giang", "THCS"), entry("C2", "Robot xanh", "THCS", "Trường THCS Yên Dũng", "Yên Dũng")];

  it("finds by team name without diacritics and by code", () => {
    expect(findEntries(entries, "bac giang").map((item) => item.entry.code)).toEqual(["C1"]);
    expect(findEntries(entries, "c2").map((item) => item.entry.code)).toEqual(["C2"]);
    expect(findEntries(entries, "yen dung").map((item) => item.entry.code)).toEqual(["C2"]);
  });

  it("lists everything for an empty query", () => {
    expect(findEntries(entries, "  ")).toHaveLength(2);
  });
});

describe("requestKeys", () => {
  it("keeps the key while the body is the same and changes it with the body", () => {
    let made = 0;
    const keyFor = requestKeys(() => `key-${++made}`);
    expect(keyFor({ reason: "Nhập nhầm" })).toBe("key-1");
    expect(keyFor({ reason: "Nhập nhầm" })).toBe("key-1");
    expect(keyFor({ reason: "Nhập nhầm 8 thay vì 3" })).toBe("key-2");
  });
});
