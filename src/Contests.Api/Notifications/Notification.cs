using Contests.Api.Infrastructure;

namespace Contests.Api.Notifications;

/// <summary>A notification: the inline snapshot of its own stream.</summary>
public sealed record Notification(
    Guid Id,
    NotificationAudience Audience,
    Guid RecipientId,
    Guid ContestId,
    Guid? RoundId,
    string Code,
    IReadOnlyList<string> Arguments,
    string? Email,
    DateTimeOffset PostedAt)
{
    public long Version { get; set; }

    public IReadOnlyList<string> ReadBy { get; init; } = [];

    public DateTimeOffset? EmailedAt { get; init; }

    public static Notification Create(NotificationPosted posted) =>
        new(posted.NotificationId, posted.Audience, posted.RecipientId, posted.ContestId, posted.RoundId, posted.Code, posted.Arguments, posted.Email, posted.PostedAt);

    public Notification Apply(NotificationRead read) => this with { ReadBy = [.. ReadBy, read.ReaderId] };

    public Notification Apply(NotificationEmailed emailed) => this with { EmailedAt = emailed.EmailedAt };

    public string Message() => Texts.Get(Code, [.. Arguments]);
}

/// <summary>
/// Builds notifications with ids derived from what caused them and who receives them, so deciding the same cause
/// twice can never notify anybody twice.
/// </summary>
public static class Notify
{
    public static NotificationPosted Team(
        Guid teamId, string? email, Guid contestId, Guid? roundId, string cause, string code, IReadOnlyList<string> arguments, DateTimeOffset now) =>
        new(StreamIds.For("notification", $"{cause}/team/{teamId}"), NotificationAudience.Team, teamId, contestId, roundId, code, arguments,
            string.IsNullOrWhiteSpace(email) ? null : email, now);

    public static NotificationPosted Organisers(
        Guid contestId, Guid? roundId, string cause, string code, IReadOnlyList<string> arguments, DateTimeOffset now) =>
        new(StreamIds.For("notification", $"{cause}/organisers/{contestId}"), NotificationAudience.Organisers, contestId, contestId, roundId, code,
            arguments, null, now);

    /// <summary>Appends the notifications to the caller's session; it saves them with whatever caused them.</summary>
    public static void Append(Marten.IDocumentSession session, IEnumerable<NotificationPosted> notifications)
    {
        foreach (var posted in notifications)
        {
            session.Events.StartStream<Notification>(posted.NotificationId, posted);
        }
    }
}
