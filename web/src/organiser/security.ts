import { api } from "../api/client";
import type { AccountView, AuditEntry, SessionView, SignInCodeView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { formatDateTime } from "../format";
import { failureMessage } from "../forms";
import { t, type TextKey } from "../i18n";

// The organisation's people and what happened to them: open sessions (ended at once if a tablet is lost), organiser
// accounts (role, district, disabled), sign-in codes issued, and the security log.

const actionTexts: Record<string, TextKey> = {
  "sign-in": "securityActionSignIn",
  "sign-out": "securityActionSignOut",
  "sign-in-failed": "securityActionSignInFailed",
  "sign-in-locked": "securityActionSignInLocked",
  "code-sign-in-failed": "securityActionCodeSignInFailed",
  "code-issued": "securityActionCodeIssued",
  "code-revoked": "securityActionCodeRevoked",
  "session-ended": "securityActionSessionEnded",
  "account-created": "securityActionAccountCreated",
  "role-changed": "securityActionRoleChanged",
  "account-disabled": "securityActionAccountDisabled",
  "account-enabled": "securityActionAccountEnabled",
  "organisation-created": "securityActionOrganisationCreated",
};

/** A capability's own action codes (later: exports, corrections after lock) show as they are until given a text here. */
function actionLabel(action: string): string {
  const key = actionTexts[action];
  return key ? t(key) : action;
}

function table(headers: TextKey[], rows: HTMLTableRowElement[], testId: string): HTMLElement {
  return h("div", { class: "table-scroll" }, h("table", { class: "data", "data-testid": testId },
    h("thead", {}, h("tr", {}, ...headers.map((key) => h("th", {}, t(key))))),
    h("tbody", {}, ...rows)));
}

function button(key: TextKey, action: () => Promise<void>, testId?: string): HTMLButtonElement {
  const element = h("button", { type: "button", class: "secondary", "data-testid": testId }, t(key));
  element.addEventListener("click", () => void action());
  return element;
}

/** The security log of a path (the organisation's, or the platform's), newest first, paging back on request. */
export async function auditLog(path: string): Promise<HTMLElement> {
  const body = h("tbody");
  const older = h("button", { type: "button", class: "secondary", hidden: true }, t("securityOlder"));
  let last: AuditEntry | undefined;
  const load = async () => {
    const entries = await api<AuditEntry[]>("GET", `${path}?limit=100${last ? `&before=${encodeURIComponent(last.at)}` : ""}`);
    body.append(...entries.map((entry) => h("tr", { "data-action": entry.action },
      h("td", { class: "mono" }, formatDateTime(entry.at)),
      h("td", {}, actionLabel(entry.action)),
      h("td", {}, entry.actorName ? `${entry.actorName} (${entry.actorRole ?? ""})` : "—"),
      h("td", {}, entry.subject ?? ""),
      h("td", { class: "mono" }, entry.clientAddress ?? ""))));
    last = entries.at(-1) ?? last;
    older.hidden = entries.length < 100;
  };
  older.addEventListener("click", () => void load());
  await load();
  return h("section", {},
    h("h3", {}, t("securityAudit")),
    h("div", { class: "table-scroll" }, h("table", { class: "data", "data-testid": "audit-log" },
      h("thead", {}, h("tr", {}, ...(["securityWhen", "securityWhat", "securityWho", "securitySubject", "securityAddress"] as TextKey[]).map((key) => h("th", {}, t(key))))),
      body)),
    older);
}

export function securityPanel(organisation: string): HTMLElement {
  const content = h("div");
  const outcome = h("p", { class: "notice", role: "status", hidden: true, "data-testid": "security-outcome" });
  const report = (text: string, failed = false) => {
    outcome.textContent = text;
    outcome.classList.toggle("error", failed);
    outcome.hidden = false;
  };
  // Every action answers in the outcome line and shows the panel as it now is.
  const act = async (change: () => Promise<unknown>) => {
    try {
      await change();
      report(t("securityDone"));
    } catch (error) {
      report(failureMessage(error, "connectionFailed"), true);
    }
    await refresh();
  };

  const sessionRows = (sessions: SessionView[]) => sessions.map((session) => h("tr", { "data-session": session.name },
    h("td", {}, session.name), h("td", {}, session.role), h("td", {}, t(session.method === "code" ? "securityByCode" : "securityByPassword")),
    h("td", { class: "mono" }, session.clientAddress ?? ""), h("td", {}, formatDateTime(session.startedAt)),
    h("td", {}, button("securityEndSession", () => act(() => api("DELETE", `/api/access/sessions/${session.id}`)), "end-session"))));

  const accountRows = (accounts: AccountView[]) => accounts.map((account) => {
    const change = (path: string, body?: object) => act(() => api(path.endsWith("/role") ? "PUT" : "POST", path, body ?? {}, { "If-Match": `"${account.version}"` }));
    const url = `/api/access/users/${account.id}`;
    const makeDistrict = async () => {
      const district = window.prompt(t("securityDistrictPrompt"), account.district ?? "");
      if (district) await change(`${url}/role`, { role: "DistrictOrganiser", district });
    };
    return h("tr", { "data-account": account.email },
      h("td", {}, account.email), h("td", {}, account.displayName),
      h("td", {}, account.role, account.district ? ` · ${account.district}` : ""),
      h("td", {}, t(account.disabled ? "securityDisabled" : "securityActive")),
      h("td", { class: "row" },
        account.role === "Organiser"
          ? button("securityMakeDistrictOrganiser", makeDistrict)
          : button("securityMakeOrganiser", () => change(`${url}/role`, { role: "Organiser" })),
        account.disabled
          ? button("securityEnable", () => change(`${url}/enable`), "enable-account")
          : button("securityDisable", () => change(`${url}/disable`), "disable-account")));
  });

  const codeRows = (codes: SignInCodeView[]) => codes.map((code) => h("tr", { "data-code": code.displayName },
    h("td", {}, code.role), h("td", {}, code.displayName),
    h("td", {}, code.revokedAt ? t("securityCodeRevoked")
      : code.redeemedAt ? t("securityCodeUsed", formatDateTime(code.redeemedAt))
      : t("securityCodeOpen", formatDateTime(code.expiresAt))),
    h("td", {}, code.revokedAt ? null : button("securityRevoke", () => act(() => api("POST", `/api/access/sign-in-codes/${code.id}/revoke`)), "revoke-code"))));

  async function refresh(): Promise<void> {
    const [sessions, accounts, codes] = await Promise.all([
      api<SessionView[]>("GET", "/api/access/sessions"),
      api<AccountView[]>("GET", "/api/access/users"),
      api<SignInCodeView[]>("GET", "/api/access/sign-in-codes"),
    ]);
    replaceChildren(content,
      h("h3", {}, t("securitySessions")),
      sessions.length === 0 ? h("p", { class: "muted" }, t("securityNoSessions"))
        : table(["fullName", "securityRole", "securityMethod", "securityAddress", "securitySince", "securityActions"], sessionRows(sessions), "sessions"),
      h("h3", {}, t("securityAccounts")),
      table(["email", "securityDisplayName", "securityRole", "status", "securityActions"], accountRows(accounts), "accounts"),
      h("h3", {}, t("securityCodes")),
      table(["securityRole", "securityDisplayName", "status", "securityActions"], codeRows(codes), "codes"),
      await auditLog("/api/access/audit"));
  }

  // Read when opened, so the console loads no faster or slower for it.
  const panel = h("details", { class: "panel", "data-testid": "security-panel" },
    h("summary", {}, t("securityTitle")),
    h("p", { class: "muted" }, t("securityOrganisation", organisation)),
    outcome,
    content);
  panel.addEventListener("toggle", () => {
    if (panel.open) void refresh().catch((error) => report(failureMessage(error, "loadFailed"), true));
  });
  return panel;
}
