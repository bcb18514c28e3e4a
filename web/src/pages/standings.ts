import { h, replaceChildren } from "../dom";
import { failureMessage } from "../forms";
import { t } from "../i18n";
import { audienceBoard, freezeNotice } from "../leaderboards/audience";
import { findTeams, nextMatch, standingLines, type StandingLine } from "../leaderboards/standings";
import { followBoard, teamName, type LinkState } from "../matches/live";
import { matchTime } from "../matches/render";
import type { MatchRoundView } from "../matches/types";
import { mountShell } from "../shell";
import "../leaderboards/leaderboards.css";

// The phone board: the same standings as the hall's screen, a search to find one's team, and a team to follow,
// pinned on top with its place and its next match. The followed team is remembered on this phone only.

const main = mountShell("board");
document.body.classList.add("layout-phone");
const title = h("h1", { class: "phone-title" }, t("loading"));
const subtitle = h("p", { class: "screen-subtitle" });
const link = h("span", { class: "board-status", "data-testid": "link-state" });
const notice = h("p", { class: "screen-notice", "data-testid": "freeze-notice", hidden: true });
const followed = h("section", { class: "followed", "data-testid": "followed", hidden: true });
const search = h("input", { type: "search", class: "phone-search", placeholder: t("standingsSearchHint"), "aria-label": t("standingsSearch"), "data-testid": "team-search" });
const list = h("ol", { class: "phone-list", "data-testid": "standings" });
const version = h("span", { class: "board-version", "data-testid": "board-version" });
replaceChildren(main,
  h("header", { class: "phone-head" }, h("div", {}, title, subtitle), link),
  notice,
  followed,
  h("label", { class: "phone-search-label" }, t("standingsSearch"), search),
  list,
  h("footer", { class: "board-footer" }, version));

let view: MatchRoundView | undefined;
let storageKey = "";
let following: string | null = null;

function entry(item: StandingLine): HTMLElement {
  if (item.concealed) {
    return h("li", { class: "phone-line concealed", "data-testid": "concealed-line" }, h("span", { class: "rank" }, "?"), h("span", { class: "name" }, t("standingsConcealed")));
  }
  const isFollowed = item.teamId === following;
  const button = h("button", { type: "button", class: isFollowed ? "follow on" : "follow", "aria-pressed": String(isFollowed), "data-testid": "follow" },
    isFollowed ? `★ ${t("standingsFollowing")}` : `☆ ${t("standingsFollow")}`);
  button.addEventListener("click", () => {
    following = isFollowed ? null : item.teamId;
    if (following) localStorage.setItem(storageKey, following);
    else localStorage.removeItem(storageKey);
    draw();
  });
  return h("li", { class: isFollowed ? "phone-line followed-line" : "phone-line", "data-team": item.team },
    h("span", { class: "rank" }, String(item.rank)),
    h("span", { class: "who" }, h("span", { class: "name" }, item.team), h("span", { class: "detail" }, `${t("standingsGroup", item.group)} · ${item.district}`)),
    h("span", { class: "points", "data-testid": "points" }, String(item.points)),
    button);
}

function draw(): void {
  if (!view) return;
  const lines = standingLines(view);
  const query = search.value;
  const found = query.trim() ? findTeams(lines, query) : lines;
  // Group headings while the whole board is listed; a search lists its finds alone.
  const items = found.flatMap((line, index) => query.trim() || found[index - 1]?.group === line.group
    ? [entry(line)]
    : [h("li", { class: "group-heading" }, t("standingsGroup", line.group)), entry(line)]);
  replaceChildren(list, ...(found.length ? items : [h("li", { class: "muted" }, t("standingsNoTeam"))]));
  const mine = lines.find((line) => line.teamId === following);
  followed.hidden = !following;
  if (following) {
    const next = nextMatch(view, following);
    const opponent = next ? teamName(view, next.red === following ? next.blue : next.red) : "";
    replaceChildren(followed,
      h("h2", {}, t("standingsYourTeam")),
      h("p", { class: "followed-team" }, mine ? `${mine.rank}. ${mine.team}` : teamName(view, following)),
      mine ? h("p", { class: "followed-points" }, `${t("standingsGroup", mine.group)} · ${mine.points} ${t("standingsPoints")} · ${mine.record}`) : h("p", { class: "muted" }, t("standingsConcealed")),
      h("p", { class: "muted" }, next ? t("standingsNextMatch", next.code, matchTime(next), opponent) : t("standingsNoMatchLeft")));
  }
}

function render(board: MatchRoundView): void {
  view = board;
  const text = freezeNotice(board);
  notice.textContent = text;
  notice.hidden = text === "";
  version.textContent = `${t("version")} ${board.version}`;
  draw();
}

function setLink(state: LinkState): void {
  link.textContent = t(state);
  link.dataset.state = state;
}

search.addEventListener("input", draw);

try {
  const board = await audienceBoard(() => setLink("offline"));
  if (!board) {
    title.textContent = t("matchesNoRound");
  } else {
    title.textContent = board.contest.name;
    subtitle.textContent = `${board.roundName} — ${t("standingsTitle")}`;
    document.title = `${board.contest.name} — ${t("standingsTitle")}`;
    storageKey = `standings-follow:${board.contest.id}:${board.roundId}`;
    following = localStorage.getItem(storageKey);
    await followBoard(board.contest.id, board.roundId, { board: render, link: setLink });
  }
} catch (error) {
  title.textContent = failureMessage(error, "loadFailed");
}
