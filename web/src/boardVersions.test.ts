import { describe, expect, it } from "vitest";
import { decide } from "./boardVersions";

describe("board versions", () => {
  it("applies the first board and any newer one, even after a gap", () => {
    expect(decide(undefined, 7)).toBe("apply");
    expect(decide(7, 8)).toBe("apply");
    expect(decide(7, 12)).toBe("apply");
  });

  it("never goes back to an older or repeated board", () => {
    expect(decide(12, 12)).toBe("ignore");
    expect(decide(12, 9)).toBe("ignore");
  });
});
