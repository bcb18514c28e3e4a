import { describe, expect, it } from "vitest";
import { decideSnapshot, decideUpdate, followBoard, type LiveConnection } from "./boardFeed";

describe("board versions", () => {
  it("applies the update that follows the version on screen, even across a batch of versions", () => {
    expect(decideUpdate(7, 8, 7)).toBe("apply");
    expect(decideUpdate(7, 12, 7)).toBe("apply");
  });

  it("fetches the snapshot when an update follows another version or an unknown one", () => {
    expect(decideUpdate(7, 12, 9)).toBe("refetch");
    expect(decideUpdate(7, 8, null)).toBe("refetch");
  });

  it("never goes back to an older or repeated board", () => {
    expect(decideUpdate(12, 12, 11)).toBe("ignore");
    expect(decideUpdate(12, 9, 8)).toBe("ignore");
    expect(decideSnapshot(12, 12)).toBe("ignore");
    expect(decideSnapshot(12, 9)).toBe("ignore");
  });

  it("lets a snapshot jump ahead and shows the first board whichever way it arrives", () => {
    expect(decideSnapshot(7, 12)).toBe("apply");
    expect(decideSnapshot(undefined, 3)).toBe("apply");
    expect(decideUpdate(undefined, 3, 1)).toBe("apply");
  });
});

interface Board { version: number; label: string }

class FakeConnection implements LiveConnection {
  state = "Disconnected";
  invoked: string[] = [];
  private handlers = new Map<string, (...args: never[]) => void>();
  private reconnected: (() => void)[] = [];
  async start() { this.state = "Connected"; }
  async invoke(method: string, ...args: unknown[]) { this.invoked.push(`${method} ${String(args[0])}`); }
  on(method: string, handler: (...args: never[]) => void) { this.handlers.set(method, handler); }
  onreconnecting() {}
  onreconnected(callback: () => void) { this.reconnected.push(callback); }
  onclose() {}
  push(version: number, previous: number | null, label: string, board = "b") {
    (this.handlers.get("BoardUpdated") as (update: unknown) => void)({ board, version, previous, data: { version, label } });
  }
  reconnect() { this.reconnected.forEach((callback) => callback()); }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function feed(server: { board: Board }, options: { live?: boolean } = {}) {
  const connection = new FakeConnection();
  const shown: string[] = [];
  let fetches = 0;
  const follow = followBoard<Board>({
    name: "b",
    live: options.live,
    connection,
    snapshot: async () => { fetches++; return server.board; },
    show: (board) => shown.push(`${board.version}:${board.label}`),
    wait: async () => undefined,
  });
  return { connection, shown, fetches: () => fetches, follow };
}

describe("board feed", () => {
  it("subscribes, shows the snapshot, then applies pushes that follow it", async () => {
    const server = { board: { version: 3, label: "c" } };
    const { connection, shown, follow } = feed(server);
    await follow.ready;
    connection.push(5, 3, "e");
    connection.push(6, 5, "f");
    expect(connection.invoked).toEqual(["Subscribe b"]);
    expect(shown).toEqual(["3:c", "5:e", "6:f"]);
  });

  it("fetches the snapshot instead of a push that skipped one, and never shows the skipped push's board", async () => {
    const server = { board: { version: 3, label: "c" } };
    const { connection, shown, follow } = feed(server);
    await follow.ready;
    server.board = { version: 9, label: "i" };
    connection.push(9, 7, "i-pushed");
    await settle();
    connection.push(10, 9, "j");
    expect(shown).toEqual(["3:c", "9:i", "10:j"]);
  });

  it("ignores pushes for other boards and late ones", async () => {
    const server = { board: { version: 3, label: "c" } };
    const { connection, shown, follow } = feed(server);
    await follow.ready;
    connection.push(4, 3, "x", "other");
    connection.push(3, 2, "late");
    expect(shown).toEqual(["3:c"]);
  });

  it("always refetches and subscribes again after a reconnect", async () => {
    const server = { board: { version: 3, label: "c" } };
    const { connection, shown, fetches, follow } = feed(server);
    await follow.ready;
    const before = fetches();
    server.board = { version: 8, label: "h" };
    connection.reconnect();
    await settle();
    expect(fetches()).toBeGreaterThan(before);
    expect(connection.invoked).toEqual(["Subscribe b", "Subscribe b"]);
    expect(shown).toEqual(["3:c", "8:h"]);
  });

  it("follows the live board for organisers", async () => {
    const { connection, follow } = feed({ board: { version: 1, label: "a" } }, { live: true });
    await follow.ready;
    expect(connection.invoked).toEqual(["SubscribeLive b"]);
  });
});
