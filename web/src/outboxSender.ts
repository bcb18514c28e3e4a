import { apiWithETag } from "./api/client";
import { isRefusal } from "./api/problems";
import type { OutboxItem, SendOutcome } from "./outbox";

// Sends an outbox item through the API client (session cookie, anti-forgery token, language). A refusal (4xx) is
// final; a server error, a timeout or no answer at all means "try again later" with the same Idempotency-Key.

const retryable = new Set([408, 425, 429]);

export async function sendOverHttp(item: OutboxItem): Promise<SendOutcome> {
  try {
    const { body } = await apiWithETag(item.method, item.url, item.body, { ...item.headers, "Idempotency-Key": item.id });
    return { kind: "stored", body };
  } catch (error) {
    return isRefusal(error) && !retryable.has(error.problem.status) ? { kind: "refused", message: error.problem.title } : { kind: "unreachable" };
  }
}
