import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

describe("format", () => {
  it("shows dates as dd/MM/yyyy in Vietnam's time zone", () => {
    // 20:30 UTC on 19 May is already 20 May in Hà Nội (UTC+7).
    expect(formatDate("2024-05-19T20:30:00Z")).toBe("20/05/2024");
    expect(formatDateTime("2024-05-19T20:30:00Z")).toBe("20/05/2024 03:30");
  });

  it("groups thousands the way the reader's language does", () => {
    expect(formatNumber(1484, "vi")).toBe("1.484");
    expect(formatNumber(1484, "en")).toBe("1,484");
  });
});
