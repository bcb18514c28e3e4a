import { describe, expect, it } from "vitest";
import { rerunOnRequest, retryDelay, retryUntilDone } from "./retry";

describe("retry", () => {
  it("waits longer after each failure, never more than 10 seconds", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(retryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it("keeps trying until the operation succeeds, reporting each failure", async () => {
    let calls = 0;
    const failures: unknown[] = [];
    const waits: number[] = [];
    const result = await retryUntilDone(
      async () => {
        calls++;
        if (calls < 3) throw new Error(`attempt ${calls}`);
        return "board";
      },
      (error) => { failures.push((error as Error).message); },
      async (milliseconds) => { waits.push(milliseconds); },
    );
    expect(result).toBe("board");
    expect(failures).toEqual(["attempt 1", "attempt 2"]);
    expect(waits).toEqual([500, 1000]);
  });

  it("runs once more after requests made during a run, and never twice at once", async () => {
    let runs = 0;
    let finishRun = () => {};
    const request = rerunOnRequest(async () => {
      runs++;
      await new Promise<void>((resolve) => { finishRun = resolve; });
    });
    const settled = Promise.all([request(), request(), request()]);
    expect(runs).toBe(1);
    finishRun();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toBe(2);
    finishRun();
    await settled;
    expect(runs).toBe(2);
  });
});
