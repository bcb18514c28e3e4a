import { describe, expect, it } from "vitest";
import { allTranslations, textKeys, translate } from "./i18n";

describe("i18n", () => {
  it("has every text in Vietnamese and English", () => {
    for (const key of textKeys) {
      const texts = allTranslations(key);
      expect(texts.vi.trim(), key).not.toBe("");
      expect(texts.en.trim(), key).not.toBe("");
    }
  });

  it("fills placeholders in order", () => {
    expect(translate("vi", "teamsCount", 432)).toBe("432 đội");
    expect(translate("en", "signedInAs", "Lê Văn Tám")).toBe("Signed in as Lê Văn Tám");
  });

  it("keeps placeholders the same in both languages", () => {
    for (const key of textKeys) {
      const { vi, en } = allTranslations(key);
      expect(vi.match(/\{\d\}/g) ?? [], key).toEqual(en.match(/\{\d\}/g) ?? []);
    }
  });
});
