import { api } from "../api/client";
import type { components } from "../api/schema";
import { h, replaceChildren } from "../dom";
import { formatDate } from "../format";
import { t } from "../i18n";
import { mountShell } from "../shell";

// The page a certificate's QR code opens: anyone checks that a certificate is genuine from its printed code.

type CertificateVerification = components["schemas"]["CertificateVerification"];

const main = mountShell();
const code = h("input", { type: "text", name: "code", autocomplete: "off", "data-testid": "verify-code", class: "mono" });
code.value = new URLSearchParams(window.location.search).get("code") ?? "";
const result = h("div", { "data-testid": "verify-result", "aria-live": "polite" });
const form = h("form", { class: "row narrow" },
  h("label", { class: "field" }, h("span", { class: "label" }, t("exportsVerifyCode")), code),
  h("button", { type: "submit", class: "primary" }, t("exportsVerifyButton")));

async function verify(): Promise<void> {
  if (code.value.trim() === "") return;
  try {
    const certificate = await api<CertificateVerification>("GET", `/api/certificates/${encodeURIComponent(code.value.trim())}`);
    const valid = certificate.status === "Valid";
    replaceChildren(result, h("section", { class: `panel verified ${valid ? "valid" : "superseded"}`, "data-status": certificate.status },
      h("h2", {}, valid ? `✔ ${t("exportsVerifyValid")}` : `⚠ ${t("exportsVerifySuperseded")}`),
      h("p", { class: "big" }, h("strong", {}, certificate.tierName), " — ", certificate.teamName),
      h("p", {}, `${certificate.school} — ${certificate.district}`),
      certificate.memberNames.length > 0 ? h("p", {}, `${t("exportsVerifyMembers")}: ${certificate.memberNames.join(", ")}`) : null,
      certificate.mentorNames.length > 0 ? h("p", {}, `${t("exportsVerifyMentors")}: ${certificate.mentorNames.join(", ")}`) : null,
      h("p", {}, `${certificate.contestName} · ${certificate.roundName} · ${certificate.divisionName}`),
      h("p", { class: "muted" }, `${certificate.organisingBody} · ${t("exportsVerifyIssued")} ${formatDate(certificate.issuedAt)} · `, h("span", { class: "mono" }, certificate.code))));
  } catch {
    replaceChildren(result, h("section", { class: "panel verified invalid", "data-status": "Invalid" }, h("h2", {}, `✘ ${t("exportsVerifyInvalid")}`)));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(window.location.href);
  url.searchParams.set("code", code.value.trim());
  window.history.replaceState(null, "", url);
  void verify();
});
main.append(h("h1", {}, t("exportsVerifyTitle")), form, result);
await verify();
