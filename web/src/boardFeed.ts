import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { appPath } from "./address";
import { rerunOnRequest, retryDelay, retryUntilDone } from "./retry";

// One way for every screen to follow a live board. Each pushed update names its version and the version it follows:
// it is applied only on top of exactly that version, so the screen moves from one state the server held to the next.
// Anything else (a skipped push, a push after a reconnect, a server restart) makes the screen fetch the snapshot and
// continue from it. A late or repeated update never takes the screen back.

export type LinkState = "live" | "reconnecting" | "offline";

export interface Versioned {
  version: number;
}

export interface BoardUpdate<T> {
  board: string;
  version: number;
  previous: number | null;
  data: T;
}

export type BoardDecision = "apply" | "ignore" | "refetch";

export function decideUpdate(shown: number | undefined, version: number, previous: number | null): BoardDecision {
  if (shown === undefined) return "apply";
  if (version <= shown) return "ignore";
  return previous === shown ? "apply" : "refetch";
}

/** A snapshot is complete, so it may jump ahead; it only must not take the screen back. */
export function decideSnapshot(shown: number | undefined, version: number): "apply" | "ignore" {
  return shown === undefined || version > shown ? "apply" : "ignore";
}

/** What the feed needs of a SignalR connection (the official client's HubConnection, or a fake in tests). */
export interface LiveConnection {
  readonly state: string;
  start(): Promise<void>;
  invoke(method: string, ...args: unknown[]): Promise<unknown>;
  on(method: string, handler: (...args: never[]) => void): void;
  onreconnecting(callback: () => void): void;
  onreconnected(callback: () => void): void;
  onclose(callback: () => void): void;
}

export interface FeedOptions<T extends Versioned> {
  /** The board's name on the hub, e.g. contest/{id}/rounds/{id}/matches. */
  name: string;
  snapshot: () => Promise<T>;
  show: (board: T) => void;
  link?: (state: LinkState) => void;
  /** Organisers follow the live board, which a freeze hides from the public. */
  live?: boolean;
  connection?: LiveConnection;
  wait?: (milliseconds: number) => Promise<void>;
}

export interface BoardFeed {
  connection: LiveConnection;
  /** Fetches the snapshot and subscribes again, as after a reconnect. */
  catchUp: () => Promise<void>;
  /** Resolves once the board is shown and subscribed (it keeps retrying until then). */
  ready: Promise<void>;
}

export function hubConnection(): LiveConnection {
  return new HubConnectionBuilder()
    .withUrl(appPath("/hubs/live"))
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => retryDelay(retry.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}

/**
 * Subscribes first, then reads the snapshot, so nothing pushed in between is missed; until the hub answers, the
 * snapshot alone keeps the screen fresh at each retry. After every reconnect it subscribes again and refetches:
 * whatever was pushed while away is gone.
 */
export function followBoard<T extends Versioned>(options: FeedOptions<T>): BoardFeed {
  const connection = options.connection ?? hubConnection();
  let shown: number | undefined;
  const snapshot = async () => {
    const board = await options.snapshot();
    if (decideSnapshot(shown, board.version) === "apply") {
      shown = board.version;
      options.show(board);
    }
  };
  const catchUp = rerunOnRequest(() => retryUntilDone(async () => {
    if (connection.state === HubConnectionState.Disconnected) await connection.start();
    await connection.invoke(options.live ? "SubscribeLive" : "Subscribe", options.name);
    await snapshot();
    options.link?.("live");
  }, async () => {
    options.link?.(connection.state === HubConnectionState.Reconnecting ? "reconnecting" : "offline");
    await snapshot().catch(() => undefined);
  }, options.wait));
  connection.on("BoardUpdated", (update: BoardUpdate<T>) => {
    if (update.board !== options.name) return;
    const decision = decideUpdate(shown, update.version, update.previous);
    if (decision === "apply") {
      shown = update.version;
      options.show(update.data);
    } else if (decision === "refetch") {
      void catchUp();
    }
  });
  connection.onreconnecting(() => options.link?.("reconnecting"));
  connection.onreconnected(() => void catchUp());
  connection.onclose(() => void catchUp());
  if (typeof window !== "undefined") window.addEventListener("online", () => void catchUp());
  // Show what the server holds at once, while the live connection is still being made.
  const ready = snapshot().catch(() => undefined).then(catchUp);
  return { connection, catchUp, ready };
}
