import { appPath } from "../address";
import { api, apiWithETag } from "../api/client";
import type { components } from "../api/schema";
import type { ContestView } from "../api/types";
import { h, replaceChildren } from "../dom";
import { clearErrors, field, input, select, showErrors } from "../forms";
import { t, type TextKey } from "../i18n";

type Schemas = components["schemas"];
type ExportDescription = Schemas["ExportDescription"];
type RoundAwardsView = Schemas["RoundAwardsView"];
type DivisionAwardsView = Schemas["DivisionAwardsView"];
type AwardTier = Schemas["AwardTier"];

const tiers: AwardTier[] = ["Special", "First", "Second", "Third", "Consolation"];
const formats = [{ format: "xlsx", label: "Excel" }, { format: "csv", label: "CSV" }, { format: "json", label: "JSON" }];

/** Downloads of every export the organiser may take, and for province organisers each round's award quotas and certificates. */
export async function exportsPanel(contest: ContestView, province: boolean): Promise<HTMLElement> {
  const exports = await api<ExportDescription[]>("GET", `/api/contests/${contest.id}/exports`);
  const downloads = h("table", { class: "data", "data-testid": "exports" }, h("tbody", {}, ...exports.map((item) => h("tr", {},
    h("td", {}, item.title, item.wholeProvince ? h("span", { class: "muted" }, ` (${t("exportsWholeProvince")})`) : null),
    h("td", { class: "row" }, ...formats.map(({ format, label }) => h("a", {
      class: "button secondary",
      href: appPath(`/api/contests/${contest.id}/exports/${item.key}?format=${format}`),
      download: "",
      "data-testid": `export-${item.key}-${format}`,
    }, label)))))));
  return h("details", { class: "panel", "data-testid": "exports-panel" },
    h("summary", {}, t("exportsTitle")),
    h("p", { class: "muted" }, t("exportsHint")),
    h("div", { class: "table-scroll" }, downloads),
    province ? awardsSection(contest) : null);
}

function awardsSection(contest: ContestView): HTMLElement {
  const body = h("div", { "data-testid": "awards" });
  if (contest.rounds.length === 0) return h("section", {}, h("h3", {}, t("exportsAwardsTitle")), h("p", { class: "muted" }, t("exportsNoRounds")));
  const round = select("round", contest.rounds.map((item) => ({ value: item.id, label: item.name })));
  const show = async () => replaceChildren(body, await roundAwards(contest, round.value));
  round.addEventListener("change", () => void show());
  void show();
  return h("section", {}, h("h3", {}, t("exportsAwardsTitle")), field("exportsRound", round), body);
}

async function roundAwards(contest: ContestView, roundId: string): Promise<HTMLElement> {
  const url = `/api/contests/${contest.id}/rounds/${roundId}/awards`;
  const { body: awards } = await apiWithETag<RoundAwardsView>("GET", url);
  const summary = h("div", { class: "form-errors", role: "alert", hidden: true });
  const saved = h("p", { class: "notice", hidden: true, "data-testid": "quotas-saved" }, t("exportsQuotasSaved"));
  const name = (division: string, tier: AwardTier, kind: "count" | "share") => `quota.${division}.${tier}.${kind}`;
  const quotaRows = awards.divisions.map((division) => h("tr", { "data-division": division.divisionCode },
    h("th", { scope: "row" }, division.divisionCode, h("br"), h("small", { class: "muted" }, division.divisionName)),
    ...tiers.map((tier) => {
      const quota = division.tiers.find((item) => item.tier === tier);
      return h("td", {}, h("div", { class: "row" },
        input(name(division.divisionCode, tier, "count"), "number", { min: 0, value: quota?.count ?? "", "aria-label": `${t(`exportsTier${tier}` as TextKey)} ${division.divisionCode}` }),
        input(name(division.divisionCode, tier, "share"), "number", { min: 0, max: 100, step: "any", placeholder: "%", value: quota?.sharePercent ?? "", "aria-label": `% ${t(`exportsTier${tier}` as TextKey)} ${division.divisionCode}` })));
    })));
  const form = h("form", { class: "stack", "data-testid": "quotas-form" },
    summary, saved,
    h("p", { class: "muted" }, t("exportsQuotaHint")),
    h("div", { class: "table-scroll" }, h("table", { class: "data quotas" },
      h("thead", {}, h("tr", {}, h("th", {}), ...tiers.map((tier) => h("th", {}, t(`exportsTier${tier}` as TextKey), h("br"), h("small", { class: "muted" }, `${t("exportsMaxCount")} / ${t("exportsMaxShare")}`))))),
      h("tbody", {}, ...quotaRows))),
    h("button", { type: "submit", class: "primary" }, t("exportsSaveQuotas")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    saved.hidden = true;
    const value = (key: string) => (form.elements.namedItem(key) as HTMLInputElement).value;
    const divisions = awards.divisions.map((division) => ({
      divisionCode: division.divisionCode,
      tiers: tiers.flatMap((tier) => {
        const count = value(name(division.divisionCode, tier, "count"));
        const share = value(name(division.divisionCode, tier, "share"));
        if (count === "" && share === "") return [];
        return [{ tier, count: count === "" ? null : Number(count), sharePercent: share === "" ? null : Number(share) }];
      }),
    })).filter((division) => division.tiers.length > 0);
    try {
      const { etag } = await apiWithETag("GET", url);
      await api("PUT", url, { divisions }, { "If-Match": etag ?? "\"0\"" });
      saved.hidden = false;
    } catch (error) {
      showErrors(form, summary, error);
    }
  });
  return h("div", { class: "stack" }, form, ...awards.divisions.map((division) => decided(url, division)));
}

/** A division's confirmed awards, each with its certificate, and the whole division printable as HTML or PDF. */
function decided(url: string, division: DivisionAwardsView): HTMLElement {
  const decision = division.decision;
  const heading = h("h4", {}, `${division.divisionCode} — ${division.divisionName}`);
  if (!decision) return h("section", {}, heading, h("p", { class: "muted" }, t("exportsNotDecided")));
  return h("section", { "data-decided-division": division.divisionCode }, heading,
    h("p", {}, t("exportsDecided", decision.awards.length), " ",
      h("a", { class: "button secondary", href: appPath(`${url}/${division.divisionCode}/certificates`), target: "_blank" }, t("exportsCertificatesHtml")), " ",
      h("a", { class: "button secondary", href: appPath(`${url}/${division.divisionCode}/certificates.pdf`), download: "" }, t("exportsCertificatesPdf"))),
    h("table", { class: "data" }, h("tbody", {}, ...decision.awards.map((award) => h("tr", {},
      h("td", {}, t(`exportsTier${award.tier}` as TextKey)),
      h("td", {}, award.teamName), h("td", {}, award.district),
      h("td", {}, h("a", { href: appPath(`/certificates/${award.certificateCode}`), target: "_blank", class: "mono" }, award.certificateCode)))))));
}
