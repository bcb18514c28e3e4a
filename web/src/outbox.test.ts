import { describe, expect, it } from "vitest";
import { Outbox, type KeyValueStore, type OutboxItem, type SendOutcome } from "./outbox";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

function counter(): () => string {
  let next = 0;
  return () => `key-${++next}`;
}

describe("outbox", () => {
  it("keeps a write on the device until the server is reached, then sends it with the same key", async () => {
    const store = memoryStore();
    const sent: OutboxItem[] = [];
    let online = false;
    const send = async (item: OutboxItem): Promise<SendOutcome> => {
      sent.push(item);
      return online ? { kind: "stored", body: { ok: true } } : { kind: "unreachable" };
    };
    const outbox = new Outbox("test", send, store, {}, counter());

    outbox.enqueue({ method: "POST", url: "/api/x", body: { a: 1 }, label: "Trận A1" });
    await outbox.flush();
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]?.attempts).toBe(1);

    online = true;
    await outbox.flush();
    expect(outbox.items).toHaveLength(0);
    expect(sent.map((item) => item.id)).toEqual(["key-1", "key-1"]);
  });

  it("survives a reload: what was queued is read back from storage", async () => {
    const store = memoryStore();
    const offline = async (): Promise<SendOutcome> => ({ kind: "unreachable" });
    new Outbox("tablet", offline, store, {}, counter()).enqueue({ method: "POST", url: "/api/x", body: { sheet: 1 }, label: "Trận B2" });

    const reopened = new Outbox("tablet", offline, store);

    expect(reopened.items.map((item) => [item.id, item.label, item.body])).toEqual([["key-1", "Trận B2", { sheet: 1 }]]);
  });

  it("sends in order and stops at the first unreachable write so that later ones do not overtake it", async () => {
    const attempts: string[] = [];
    const send = async (item: OutboxItem): Promise<SendOutcome> => {
      attempts.push(item.label);
      return item.label === "first" ? { kind: "unreachable" } : { kind: "stored", body: null };
    };
    const outbox = new Outbox("order", send, memoryStore(), {}, counter());
    outbox.enqueue({ method: "POST", url: "/1", label: "first" });
    outbox.enqueue({ method: "POST", url: "/2", label: "second" });

    await outbox.flush();

    expect(attempts).toEqual(["first"]);
    expect(outbox.items.map((item) => item.label)).toEqual(["first", "second"]);
  });

  it("keeps a refused write with the server's reason, never resends it, and goes on with the next", async () => {
    const attempts: string[] = [];
    const send = async (item: OutboxItem): Promise<SendOutcome> => {
      attempts.push(item.label);
      return item.label === "bad" ? { kind: "refused", message: "Trận đã được xác nhận." } : { kind: "stored", body: null };
    };
    const stored: string[] = [];
    const outbox = new Outbox("refusals", send, memoryStore(), { stored: (item) => stored.push(item.label) }, counter());
    outbox.enqueue({ method: "POST", url: "/1", label: "bad" });
    outbox.enqueue({ method: "POST", url: "/2", label: "good" });

    await outbox.flush();
    await outbox.flush();

    expect(attempts).toEqual(["bad", "good"]);
    expect(stored).toEqual(["good"]);
    expect(outbox.items.map((item) => [item.state, item.refusal])).toEqual([["refused", "Trận đã được xác nhận."]]);
    outbox.discard(outbox.items[0]!.id);
    expect(outbox.items).toHaveLength(0);
  });

  it("a sender that throws counts as unreachable, and overlapping flushes send once", async () => {
    let calls = 0;
    const send = async (): Promise<SendOutcome> => {
      calls++;
      throw new TypeError("Failed to fetch");
    };
    const outbox = new Outbox("throws", send, memoryStore(), {}, counter());
    outbox.enqueue({ method: "POST", url: "/1", label: "x" });

    await Promise.all([outbox.flush(), outbox.flush()]);

    expect(calls).toBe(1);
    expect(outbox.items[0]?.state).toBe("pending");
  });
});
