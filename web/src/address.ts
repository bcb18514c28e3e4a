// Every organisation has its own address, /o/{slug}/…; the same pages serve them all. Links, API calls and the live
// hub stay under the address the page was opened at, so a board of one province never talks to another's API.

const organisationPrefix = /^\/o\/([a-z0-9]+(?:-[a-z0-9]+)*)(?=\/|$)/;

/** "/o/bac-giang" when the page was opened under an organisation's address, "" at the plain addresses. */
export function organisationBase(pathname: string = window.location.pathname): string {
  return organisationPrefix.exec(pathname)?.[0] ?? "";
}

/** An absolute path of the app (an API call, a page, the hub) under the current organisation's address. */
export function appPath(path: string, pathname: string = window.location.pathname): string {
  return path.startsWith("/") ? organisationBase(pathname) + path : path;
}

/**
 * The sign-in code a link carries after "#code=": the fragment never reaches a server, so the code cannot end up in
 * access logs. It is removed from the address bar at once, being single use.
 */
export function takeCodeFromAddress(): string | null {
  const code = new URLSearchParams(window.location.hash.slice(1)).get("code");
  if (code) history.replaceState(null, "", window.location.pathname + window.location.search);
  return code;
}
