import "./styles.css";
import { appPath } from "./address";
import { h } from "./dom";
import { currentLanguage, setLanguage, t, type TextKey } from "./i18n";

// The frame every entry point shares: the app name, links between the four kinds of user, and the language toggle.

const entryPoints: { href: string; key: TextKey }[] = [
  { href: "/board/", key: "navBoard" },
  { href: "/team/", key: "navTeam" },
  { href: "/judge/", key: "navJudge" },
  { href: "/organiser/", key: "navOrganiser" },
];

export function mountShell(variant: "default" | "board" = "default"): HTMLElement {
  document.documentElement.lang = currentLanguage();
  document.body.classList.add(`layout-${variant}`);

  const toggle = h("button", { type: "button", class: "language-toggle", "data-testid": "language-toggle" }, t("switchLanguage"));
  toggle.addEventListener("click", () => {
    setLanguage(currentLanguage() === "vi" ? "en" : "vi");
    window.location.reload();
  });

  const nav = h("nav", { class: "entry-links" }, ...entryPoints.map(({ href, key }) =>
    h("a", { href: appPath(href), class: window.location.pathname.startsWith(appPath(href)) ? "active" : undefined }, t(key))));

  const header = h("header", { class: "app-header" },
    h("a", { href: appPath("/"), class: "brand" }, t("appName")),
    nav,
    toggle);
  const main = h("main", { class: "app-main" });
  document.body.append(header, main);
  return main;
}

export function contestIdFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get("contest");
}
