import { takeCodeFromAddress } from "../address";
import { api, whoAmI } from "../api/client";
import type { SignedInUser } from "../api/types";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { t } from "../i18n";
import { mountShell } from "../shell";

const main = mountShell();
main.classList.add("tablet");

function signedIn(user: { name?: string | null }): void {
  replaceChildren(main,
    h("h1", {}, t("navJudge")),
    h("p", { class: "notice", "data-testid": "signed-in-as" }, t("signedInAs", user.name ?? "")),
    h("p", { class: "muted big" }, t("judgeWorklistSoon")));
}

async function signIn(code: string, message: HTMLElement): Promise<void> {
  try {
    signedIn(await api<SignedInUser>("POST", "/api/auth/sign-in-code", { code }));
    await whoAmI();
  } catch (error) {
    message.textContent = failureMessage(error, "connectionFailed");
  }
}

function signInForm(): HTMLElement {
  const code = h("input", { name: "code", autocomplete: "one-time-code", autocapitalize: "characters", "data-testid": "code-input" });
  const message = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "stack" },
    h("label", { class: "field" }, h("span", { class: "label" }, t("signInCode")), code),
    message,
    h("button", { type: "submit", class: "primary", "data-testid": "code-submit" }, t("signIn")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void signIn(code.value, message);
  });
  return h("section", {}, h("h1", {}, t("signInTitle")), form);
}

const me = await whoAmI().catch(() => null);
// The QR link carries the code: sign in at once (it has already left the address bar, so it is not bookmarked).
const codeFromLink = takeCodeFromAddress();
if (me?.authenticated && !codeFromLink) {
  signedIn(me);
} else {
  replaceChildren(main, signInForm());
  if (codeFromLink) await signIn(codeFromLink, main.querySelector(".error")!);
}
