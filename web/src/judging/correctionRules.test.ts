import { describe, expect, it } from "vitest";
import { entriesWithSheets, findEntries, requestKeys } from "./correctionRules";

const entry = (code: string, name: string, division: string, school = "Trường THCS Lê Lợi", district = "Lục Nam") =>
  ({ entryId: code, teamId: code, code, name, school, district, division });

describe("entriesWithSheets", () => {
  it("lists every ranked entry by division then code", () => {
    const results = {
      divisions: [
        { rows: [{ entry: entry("T10", "Đội Mười", "THPT") }, { entry: entry("T2", "Đội Hai", "THPT") }] },
        { rows: [{ entry: entry("C1", "Đội Một", "THCS") }] },
      ],
    } as unknown as Parameters<typeof entriesWithSheets>[0];
    expect(entriesWithSheets(results).map((label) => label.code)).toEqual(["C1", "T2", "T10"]);
  });
});

describe("findEntries", () => {
  const entries = [entry("C1", "Đội Bắc Giang", "THCS"), entry("C2", "Robot xanh", "THCS", "Trường THCS Yên Dũng", "Yên Dũng")];

  it("finds by team name without diacritics and by code", () => {
    expect(findEntries(entries, "bac giang").map((label) => label.code)).toEqual(["C1"]);
    expect(findEntries(entries, "c2").map((label) => label.code)).toEqual(["C2"]);
    expect(findEntries(entries, "yen dung").map((label) => label.code)).toEqual(["C2"]);
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
