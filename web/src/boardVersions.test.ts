import { describe, expect, it } from "vitest";
import { decide } from "./boardVersions";

describe("board versions", () => {
  it("applies the first board, whichever way it arrives", () => {
    expect(decide(undefined, 7, "update")).toBe("apply");
    expect(decide(undefined, 7, "snapshot")).toBe("apply");
  });

  it("applies the update that follows the version on screen", () => {
    expect(decide(7, 8, "update")).toBe("apply");
  });

  it("fetches the snapshot when updates skipped versions", () => {
    expect(decide(7, 9, "update")).toBe("refetch");
    expect(decide(7, 12, "update")).toBe("refetch");
  });

  it("lets a snapshot jump ahead", () => {
    expect(decide(7, 12, "snapshot")).toBe("apply");
  });

  it("never goes back to an older or repeated board", () => {
    for (const source of ["update", "snapshot"] as const) {
      expect(decide(12, 12, source)).toBe("ignore");
      expect(decide(12, 9, source)).toBe("ignore");
    }
  });
});
