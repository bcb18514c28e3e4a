import { api } from "../api/client";
import type { components } from "../api/schema";
import { appPath } from "../address";
import { resolveContest } from "../contests";
import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { formatDateTime } from "../format";
import { t } from "../i18n";
import { mountShell } from "../shell";

// The public list of award winners: every round of the contest whose results are published, by division and prize.

type PublicAwardsView = components["schemas"]["PublicAwardsView"];
type PublicDivisionAwards = components["schemas"]["PublicDivisionAwards"];

const main = mountShell();
const content = h("div", { "data-testid": "awards" }, t("loading"));
main.append(h("h1", {}, t("awardsPublicTitle")), content);

function division(awards: PublicDivisionAwards): HTMLElement {
  return h("section", { class: "panel", "data-division": awards.divisionCode },
    h("h3", {}, awards.divisionName),
    h("div", { class: "table-scroll" }, h("table", { class: "data" },
      h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, t("awardsTeam")), h("th", {}, t("awardsSchool")), h("th", {}, t("awardsDistrict")))),
      h("tbody", {}, ...awards.awards.map((award) => h("tr", { "data-tier": award.tier },
        h("td", {}, h("strong", {}, award.tierName)),
        h("td", {}, award.teamName, award.memberNames.length > 0 ? h("div", { class: "muted" }, award.memberNames.join(", ")) : null),
        h("td", {}, award.school),
        h("td", {}, award.district)))))));
}

function round(view: PublicAwardsView): HTMLElement {
  const body = !view.published
    ? h("p", { class: "notice" }, view.publishAt ? t("awardsNotYetPublished", formatDateTime(view.publishAt)) : t("awardsNotScheduled"))
    : view.divisions.length === 0
      ? h("p", { class: "muted" }, t("awardsNoneDecided"))
      : h("div", {}, ...view.divisions.map(division));
  return h("section", { "data-round": view.roundId, "data-published": String(view.published) }, h("h2", {}, view.roundName), body);
}

try {
  const contest = await resolveContest();
  if (contest) {
    const rounds = await Promise.all(contest.rounds.map((item) =>
      api<PublicAwardsView>("GET", `/api/contests/${contest.id}/rounds/${item.id}/awards/public`)));
    replaceChildren(content,
      h("p", { class: "big" }, contest.name),
      ...rounds.map(round),
      h("p", { class: "muted" }, t("awardsVerifyHint"), " ", h("a", { href: appPath("/verify/") }, t("exportsVerifyTitle"))));
  } else {
    replaceChildren(content, h("p", { class: "muted" }, t("noContests")));
  }
} catch (error) {
  replaceChildren(content, h("p", { class: "error", role: "alert" }, failureMessage(error, "loadFailed")));
}
