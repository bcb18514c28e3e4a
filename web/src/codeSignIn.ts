import { takeCodeFromAddress } from "./address";
import { api, whoAmI } from "./api/client";
import type { CurrentUser } from "./api/types";
import { h } from "./dom";
import { failureMessage } from "./forms";
import { t } from "./i18n";

/**
 * The sign-in for people who get a personal code (judges, referees): a code field, or the code from the QR link's
 * #code=, which is dropped from the address bar at once so it is not bookmarked. Calls back with the signed-in user.
 */
export function codeSignIn(onSignedIn: (user: CurrentUser) => void | Promise<void>): HTMLElement {
  const code = h("input", { name: "code", autocomplete: "one-time-code", autocapitalize: "characters", "data-testid": "code-input" });
  const message = h("p", { class: "error", role: "alert" });
  const signIn = async (value: string) => {
    try {
      await api("POST", "/api/auth/sign-in-code", { code: value });
      await onSignedIn(await whoAmI());
    } catch (error) {
      message.textContent = failureMessage(error, "connectionFailed");
    }
  };
  const form = h("form", { class: "stack" },
    h("label", { class: "field" }, h("span", { class: "label" }, t("signInCode")), code),
    message,
    h("button", { type: "submit", class: "primary", "data-testid": "code-submit" }, t("signIn")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void signIn(code.value);
  });
  const fromLink = takeCodeFromAddress();
  if (fromLink) void signIn(fromLink);
  return h("section", {}, h("h1", {}, t("signInTitle")), form);
}
