// A queue of writes kept on the device until the server has them: tablets in a hall with bad Wi-Fi keep working, and
// nothing typed is lost if the page is closed. Each item is sent with its own Idempotency-Key, so a write that
// reached the server but whose answer was lost is applied once when it is sent again. Generic on purpose: referees'
// match sheets use it, and so can judges' score sheets.

export type OutboxState = "pending" | "refused";

export interface OutboxItem {
  /** Also the Idempotency-Key the server sees: the same on every attempt. */
  id: string;
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string>;
  /** What the screen calls this write ("Trận A3"), so a person can tell the items apart. */
  label: string;
  createdAt: number;
  attempts: number;
  state: OutboxState;
  /** The server's reason when it refused the write (it will not be sent again). */
  refusal?: string;
}

/** What sending one item came to: stored on the server, refused for good, or not reached (try again later). */
export type SendOutcome = { kind: "stored"; body: unknown } | { kind: "refused"; message: string } | { kind: "unreachable" };

export type Sender = (item: OutboxItem) => Promise<SendOutcome>;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface OutboxEvents {
  /** The queue changed: an item added, sent, refused or discarded. */
  changed?: (items: readonly OutboxItem[]) => void;
  /** An item reached the server; its answer is handed over. */
  stored?: (item: OutboxItem, body: unknown) => void;
}

export class Outbox {
  private queue: OutboxItem[];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly send: Sender,
    private readonly store: KeyValueStore,
    private readonly events: OutboxEvents = {},
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.queue = Outbox.read(store, name);
  }

  private static read(store: KeyValueStore, name: string): OutboxItem[] {
    try {
      const saved: unknown = JSON.parse(store.getItem(`outbox.${name}`) ?? "[]");
      return Array.isArray(saved) ? (saved as OutboxItem[]) : [];
    } catch {
      return [];
    }
  }

  get items(): readonly OutboxItem[] {
    return this.queue;
  }

  /** Keeps the write on the device first, then tries to send everything waiting. */
  enqueue(write: { method: string; url: string; body?: unknown; headers?: Record<string, string>; label: string }): OutboxItem {
    const item: OutboxItem = {
      id: this.newId(), method: write.method, url: write.url, body: write.body, headers: write.headers ?? {}, label: write.label,
      createdAt: this.now(), attempts: 0, state: "pending",
    };
    this.update([...this.queue, item]);
    return item;
  }

  /** Forgets an item, for a refused write the person has dealt with. */
  discard(id: string): void {
    this.update(this.queue.filter((item) => item.id !== id));
  }

  /**
   * Sends the waiting items oldest first, one at a time. Stops at the first one the server cannot be reached for,
   * so that writes arrive in the order they were made; a refused one stays on screen with the server's reason.
   * Overlapping calls share one run.
   */
  flush(): Promise<void> {
    this.flushing ??= this.sendAll().finally(() => { this.flushing = undefined; });
    return this.flushing;
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const next = this.queue.find((item) => item.state === "pending");
      if (!next) return;
      const attempt = { ...next, attempts: next.attempts + 1 };
      this.replace(attempt);
      const outcome = await this.send(attempt).catch((): SendOutcome => ({ kind: "unreachable" }));
      if (outcome.kind === "unreachable") return;
      if (outcome.kind === "refused") {
        this.replace({ ...attempt, state: "refused", refusal: outcome.message });
        continue;
      }
      this.update(this.queue.filter((item) => item.id !== attempt.id));
      this.events.stored?.(attempt, outcome.body);
    }
  }

  private replace(changed: OutboxItem): void {
    this.update(this.queue.map((item) => (item.id === changed.id ? changed : item)));
  }

  private update(items: OutboxItem[]): void {
    this.queue = items;
    this.store.setItem(`outbox.${this.name}`, JSON.stringify(items));
    this.events.changed?.(items);
  }
}
