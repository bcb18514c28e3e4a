import { describe, expect, it } from "vitest";
import { clockOffset, remaining, toLocalInput } from "./time";

describe("round times", () => {
  it("shows an instant in Vietnam time for a datetime-local input", () => {
    expect(toLocalInput("2024-06-30T10:00:00Z")).toBe("2024-06-30T17:00");
    expect(toLocalInput(null)).toBe("");
  });

  it("counts down in days and hours, never below zero", () => {
    expect(remaining(((2 * 86_400) + (3 * 3600) + (4 * 60) + 5) * 1000, "vi")).toBe("2 ngày 03:04:05");
    expect(remaining(86_400_000, "en")).toBe("1 d 00:00:00");
    expect(remaining(59_999, "vi")).toBe("00:00:59");
    expect(remaining(-5000, "vi")).toBe("00:00:00");
  });

  it("measures how far the device's clock is from the server's", () => {
    expect(clockOffset("2024-06-30T10:00:05Z", Date.parse("2024-06-30T10:00:00Z"))).toBe(5000);
  });
});
