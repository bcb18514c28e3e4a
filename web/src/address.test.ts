import { describe, expect, it } from "vitest";
import { appPath, organisationBase } from "./address";

describe("organisation addresses", () => {
  it("finds the organisation's prefix in the page's path", () => {
    expect(organisationBase("/o/bac-giang/board/")).toBe("/o/bac-giang");
    expect(organisationBase("/o/binh-duong")).toBe("/o/binh-duong");
    expect(organisationBase("/board/")).toBe("");
    expect(organisationBase("/o/")).toBe("");
    expect(organisationBase("/ok/board/")).toBe("");
  });

  it("keeps API calls, pages and the hub under that prefix", () => {
    expect(appPath("/api/contests", "/o/can-tho/organiser/")).toBe("/o/can-tho/api/contests");
    expect(appPath("/hubs/live", "/o/can-tho/board/")).toBe("/o/can-tho/hubs/live");
    expect(appPath("/api/contests", "/organiser/")).toBe("/api/contests");
  });

  it("leaves full and relative addresses alone", () => {
    expect(appPath("https://example.org/x", "/o/a/")).toBe("https://example.org/x");
    expect(appPath("data:image/svg+xml;base64,AA", "/o/a/")).toBe("data:image/svg+xml;base64,AA");
  });
});
