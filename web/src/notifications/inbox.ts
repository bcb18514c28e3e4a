import "../rounds/rounds.css";
import { api } from "../api/client";
import { h, replaceChildren } from "../dom";
import { formatDateTime } from "../format";
import { failureMessage } from "../forms";
import { t } from "../i18n";
import type { NotificationsInbox } from "../rounds/types";

/** The signed-in team's or organiser's notifications, newest first, with the unread count; unread ones can be marked read. */
export async function inboxPanel(contestId?: string): Promise<HTMLElement> {
  const panel = h("details", { class: "panel inbox", "data-testid": "inbox" });
  const query = contestId ? `?contestId=${encodeURIComponent(contestId)}` : "";
  const render = async () => {
    const inbox = await api<NotificationsInbox>("GET", `/api/notifications${query}`);
    const items = inbox.notifications.map((notification) => {
      const read = h("button", { type: "button", class: "link" }, t("notificationsMarkRead"));
      read.addEventListener("click", () => void api("POST", `/api/notifications/${notification.id}/read`)
        .then(render)
        .catch((error) => { read.replaceWith(h("span", { class: "error" }, failureMessage(error, "connectionFailed"))); }));
      return h("li", { class: notification.read ? "read" : "unread" },
        h("span", { class: "muted" }, formatDateTime(notification.postedAt)), " ",
        h("span", { "data-testid": "notification" }, notification.message), " ",
        notification.read ? null : read);
    });
    replaceChildren(panel,
      h("summary", {}, t("notificationsTitle"), inbox.unread > 0 ? h("span", { class: "badge" }, t("notificationsUnread", inbox.unread)) : null),
      items.length === 0 ? h("p", { class: "muted" }, t("notificationsNone")) : h("ul", { class: "notifications" }, ...items));
  };
  // Fetched again each time it is opened: notices arrive while the page stays open (a submission, a job).
  panel.addEventListener("toggle", () => {
    if (panel.open) void render().catch(() => undefined);
  });
  await render();
  return panel;
}
