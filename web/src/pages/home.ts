import { appPath } from "../address";
import { api } from "../api/client";
import type { ContestSummary } from "../api/types";
import { h, replaceChildren } from "../dom";
import { formatNumber } from "../format";
import { t, type TextKey } from "../i18n";
import { mountShell } from "../shell";

const main = mountShell();
const cards: { href: string; title: TextKey; hint: TextKey }[] = [
  { href: "/board/", title: "navBoard", hint: "boardHint" },
  { href: "/team/", title: "navTeam", hint: "teamHint" },
  { href: "/judge/", title: "navJudge", hint: "judgeHint" },
  { href: "/organiser/", title: "navOrganiser", hint: "organiserHint" },
];

const list = h("ul", { class: "contest-list" }, h("li", {}, t("loading")));
main.append(
  h("h1", {}, t("tagline")),
  h("div", { class: "cards" }, ...cards.map((card) =>
    h("a", { href: appPath(card.href), class: "card" }, h("strong", {}, t(card.title)), h("span", {}, t(card.hint))))),
  h("h2", {}, t("contests")),
  list,
);

try {
  const contests = await api<ContestSummary[]>("GET", "/api/contests");
  replaceChildren(list, ...(contests.length === 0
    ? [h("li", {}, t("noContests"))]
    : contests.map((contest) => h("li", { class: "contest" },
        h("span", { class: "contest-name" }, contest.name),
        h("span", { class: "muted" }, t("teamsCount", formatNumber(contest.teamCount))),
        h("a", { href: appPath(`/board/?contest=${contest.id}`) }, t("openBoard")),
        h("a", { href: appPath(`/team/?contest=${contest.id}`) }, t("openPortal"))))));
} catch {
  replaceChildren(list, h("li", { class: "error" }, t("loadFailed")));
}
