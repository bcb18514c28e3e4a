import { appPath } from "../address";
import { currentLanguage } from "../i18n";
import { ProblemError, toProblem } from "./problems";
import type { CurrentUser } from "./types";

// Every call speaks the chosen language, sends the session cookie, stays under the organisation's address the page
// was opened at, and on writes made while signed in carries the anti-forgery token that GET /api/auth/me hands out.

let antiforgeryToken: string | undefined;

export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return (await apiWithETag<T>(method, path, body, headers)).body;
}

/** Like {@link api}, also answering the ETag: the version to send back as If-Match when editing what was read. */
export async function apiWithETag<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ body: T; etag: string | null }> {
  const requestHeaders: Record<string, string> = { "Accept-Language": currentLanguage(), Accept: "application/json", ...headers };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) requestHeaders["Content-Type"] = "application/json";
  if (method !== "GET" && antiforgeryToken) requestHeaders["X-XSRF-TOKEN"] = antiforgeryToken;

  const response = await fetch(appPath(path), {
    method,
    headers: requestHeaders,
    credentials: "same-origin",
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  // A gateway or proxy may answer a failure with an HTML or text page: only JSON is read.
  const isJson = response.headers.get("Content-Type")?.includes("json") ?? false;
  const text = await response.text();
  const parsed: unknown = isJson && text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ProblemError(toProblem(response.status, parsed));
  return { body: parsed as T, etag: response.headers.get("ETag") };
}

export async function whoAmI(): Promise<CurrentUser> {
  const me = await api<CurrentUser>("GET", "/api/auth/me");
  antiforgeryToken = me.antiforgeryToken;
  return me;
}
