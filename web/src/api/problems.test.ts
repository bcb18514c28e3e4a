import { describe, expect, it } from "vitest";
import { errorsByInput, isRefusal, ProblemError, toProblem } from "./problems";

describe("problems", () => {
  const problem = toProblem(422, {
    title: "2 problems need fixing.",
    code: "request-invalid",
    errors: { "members[0].phone": ["A phone number has 10 digits and starts with 0."], members: ["A team needs at least 1 member(s)."] },
  });

  it("reads the title, code and per-field messages", () => {
    expect(problem.status).toBe(422);
    expect(problem.code).toBe("request-invalid");
    expect(problem.errors["members[0].phone"]).toEqual(["A phone number has 10 digits and starts with 0."]);
  });

  it("places messages beside the inputs named by their path and keeps the rest for the summary", () => {
    const { fields, unplaced } = errorsByInput(problem, new Set(["members[0].phone", "name"]));
    expect([...fields.keys()]).toEqual(["members[0].phone"]);
    expect(unplaced).toEqual(["A team needs at least 1 member(s)."]);
  });

  it("falls back to the title when there are no field errors, and survives a body that is not JSON", () => {
    expect(errorsByInput(toProblem(404, { title: "No contest has this id." }), new Set()).unplaced).toEqual(["No contest has this id."]);
    expect(toProblem(502, undefined).title).toBe("HTTP 502");
  });

  it("tells a refusal to act on from a failure to retry", () => {
    expect(isRefusal(new ProblemError(problem))).toBe(true);
    expect(isRefusal(new ProblemError(toProblem(404, { title: "No contest has this id." })))).toBe(true);
    expect(isRefusal(new ProblemError(toProblem(502, undefined)))).toBe(false);
    expect(isRefusal(new TypeError("Failed to fetch"))).toBe(false);
  });
});
