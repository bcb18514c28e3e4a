namespace Contests.Api.Notifications;

public enum NotificationAudience
{
    /// <summary>One team: <c>RecipientId</c> is the team's id.</summary>
    Team,

    /// <summary>The organisers of a contest: <c>RecipientId</c> is the contest's id.</summary>
    Organisers,
}

/// <summary>
/// Something a team or the organisers should know. The message is a text code and its arguments, so each reader sees it
/// in their own language; <c>Email</c> is where it is also mailed, if anywhere.
/// </summary>
public sealed record NotificationPosted(
    Guid NotificationId,
    NotificationAudience Audience,
    Guid RecipientId,
    Guid ContestId,
    Guid? RoundId,
    string Code,
    IReadOnlyList<string> Arguments,
    string? Email,
    DateTimeOffset PostedAt);

/// <summary>One reader (a team, or one organiser of a shared organisers' notification) has seen it.</summary>
public sealed record NotificationRead(Guid NotificationId, string ReaderId, DateTimeOffset ReadAt);

/// <summary>The e-mail went out, through SMTP or into the outbox folder (<c>Via</c>).</summary>
public sealed record NotificationEmailed(Guid NotificationId, string Address, string Via, DateTimeOffset EmailedAt);
