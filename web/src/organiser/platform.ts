import { api } from "../api/client";
import type { OrganisationView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { clearErrors, field, input, select, showErrors, value } from "../forms";
import { t } from "../i18n";
import { auditLog } from "./security";

// Platform administrators add organising bodies and their first organiser; they see none of an organisation's data.

export async function platformPage(): Promise<HTMLElement> {
  const list = h("ul", { class: "contest-list", "data-testid": "organisations" });
  const organiserForm = h("form", { class: "stack" });
  const refresh = async () => {
    const organisations = await api<OrganisationView[]>("GET", "/api/platform/organisations");
    replaceChildren(list, ...organisations.map((organisation) => h("li", { class: "contest", "data-organisation": organisation.slug },
      h("span", { class: "contest-name" }, organisation.name),
      h("a", { href: organisation.address }, organisation.address))));
    replaceChildren(organiserForm, ...organiserFields(organisations));
  };

  const createSummary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const createForm = h("form", { class: "stack", "data-testid": "create-organisation" },
    createSummary,
    field("securitySlug", input("slug", "text", { pattern: "[a-z0-9]+(-[a-z0-9]+)*", autocomplete: "off" })),
    field("securityOrganisationName", input("name")),
    h("button", { type: "submit", class: "primary" }, t("securityCreateOrganisation")));
  createForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(createForm, createSummary);
    try {
      await api("POST", "/api/platform/organisations", { slug: value(createForm, "slug"), name: value(createForm, "name") });
      createForm.reset();
      await refresh();
    } catch (error) {
      showErrors(createForm, createSummary, error);
    }
  });

  const organiserSummary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const created = h("p", { class: "notice", hidden: true, "data-testid": "organiser-created" }, t("securityDone"));
  function organiserFields(organisations: OrganisationView[]): HTMLElement[] {
    return [
      organiserSummary,
      field("securityOrganisationColumn", select("slug", organisations.map((organisation) => ({ value: organisation.slug, label: `${organisation.name} (${organisation.slug})` })))),
      field("email", input("email", "email")),
      field("securityDisplayName", input("displayName")),
      field("password", input("password", "password", { autocomplete: "new-password" })),
      h("button", { type: "submit", class: "primary" }, t("securityCreateAccount")),
      created,
    ];
  }
  organiserForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(organiserForm, organiserSummary);
    created.hidden = true;
    try {
      await api("POST", `/api/platform/organisations/${encodeURIComponent(value(organiserForm, "slug"))}/organisers`, {
        email: value(organiserForm, "email"), displayName: value(organiserForm, "displayName"), password: value(organiserForm, "password"),
      });
      created.hidden = false;
    } catch (error) {
      showErrors(organiserForm, organiserSummary, error);
    }
  });

  await refresh();
  return h("section", {},
    h("h2", {}, t("securityOrganisations")), list,
    h("details", { class: "panel", open: true }, h("summary", {}, t("securityCreateOrganisation")), createForm),
    h("details", { class: "panel", open: true }, h("summary", {}, t("securityFirstOrganiser")), organiserForm),
    h("details", { class: "panel" }, h("summary", {}, t("securityAudit")), await auditLog("/api/platform/audit")));
}
