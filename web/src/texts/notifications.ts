// Texts of in-app notifications, Vietnamese first.
export const notificationsTexts = {
  notificationsTitle: { vi: "Thông báo", en: "Notifications" },
  notificationsUnread: { vi: "{0} chưa đọc", en: "{0} unread" },
  notificationsNone: { vi: "Chưa có thông báo.", en: "No notifications yet." },
  notificationsMarkRead: { vi: "Đã đọc", en: "Mark read" },
} as const;
