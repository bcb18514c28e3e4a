namespace Contests.Api.Notifications;

/// <summary>Messages of notifications, Vietnamese first; registered in Infrastructure/Texts.cs.</summary>
public static class NotificationsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["notification-not-found"] = ("Không tìm thấy thông báo.", "No such notification."),
        ["notifications-email-subject"] = ("Thông báo cuộc thi", "Contest notice"),
    };
}
