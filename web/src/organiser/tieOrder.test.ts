import { describe, expect, it } from "vitest";
import { moveUp } from "./tieOrder";

describe("moveUp", () => {
  it("swaps an entry with the one above it", () => {
    expect(moveUp(["a", "b", "c"], 2)).toEqual(["a", "c", "b"]);
    expect(moveUp(["a", "b", "c"], 1)).toEqual(["b", "a", "c"]);
  });

  it("leaves the first entry, or an index outside the list, where it is, without changing the input", () => {
    const items = ["a", "b"];
    expect(moveUp(items, 0)).toEqual(["a", "b"]);
    expect(moveUp(items, 5)).toEqual(["a", "b"]);
    expect(items).toEqual(["a", "b"]);
  });
});
