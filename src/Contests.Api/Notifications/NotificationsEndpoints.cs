using System.Security.Claims;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Notifications;

public sealed record NotificationView(Guid Id, Guid ContestId, Guid? RoundId, string Code, string Message, DateTimeOffset PostedAt, bool Read);

public sealed record NotificationsInbox(int Unread, IReadOnlyList<NotificationView> Notifications);

/// <summary>
/// Each signed-in person's notifications: a team sees its own, organisers (province and district) see their contests'.
/// Judges and referees receive none yet.
/// </summary>
public static class NotificationsEndpoints
{
    private const int Shown = 100;

    public static RouteGroupBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications");
        group.MapGet("/", List)
            .WithName("ListNotifications")
            .WithSummary("The signed-in team's or organiser's latest notifications, newest first, with the number unread; optionally for one contest.")
            .RequireAuthorization(Policies.SignedIn);
        group.MapPost("/{notificationId:guid}/read", MarkRead)
            .WithName("MarkNotificationRead")
            .WithSummary("Marks a notification read for the signed-in person; marking it again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }

    public static async Task<Ok<NotificationsInbox>> List(Guid? contestId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var user = httpContext.User;
        var reader = ReaderId(user);
        IReadOnlyList<Notification> notifications = [];
        if (user.IsInRole(Roles.Team) && Guid.TryParse(reader, out var teamId))
        {
            notifications = await session.Query<Notification>()
                .Where(notification => notification.Audience == NotificationAudience.Team && notification.RecipientId == teamId)
                .OrderByDescending(notification => notification.PostedAt).Take(Shown).ToListAsync(cancellationToken);
        }
        else if (user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.DistrictOrganiser))
        {
            var query = session.Query<Notification>().Where(notification => notification.Audience == NotificationAudience.Organisers);
            if (contestId is { } contest)
            {
                query = query.Where(notification => notification.ContestId == contest);
            }

            notifications = await query.OrderByDescending(notification => notification.PostedAt).Take(Shown).ToListAsync(cancellationToken);
        }

        var views = notifications.Select(notification => new NotificationView(
            notification.Id, notification.ContestId, notification.RoundId, notification.Code, notification.Message(), notification.PostedAt,
            notification.ReadBy.Contains(reader))).ToList();
        return TypedResults.Ok(new NotificationsInbox(views.Count(view => !view.Read), views));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid notificationId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Notification>(notificationId, cancellationToken);
        if (stream.Aggregate is not { } notification || !IsFor(httpContext.User, notification))
        {
            return Problems.NotFound("notification-not-found");
        }

        var reader = ReaderId(httpContext.User);
        if (!notification.ReadBy.Contains(reader))
        {
            stream.AppendOne(new NotificationRead(notificationId, reader, clock.GetUtcNow()));
            await session.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static string ReaderId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private static bool IsFor(ClaimsPrincipal user, Notification notification) => notification.Audience switch
    {
        NotificationAudience.Team => user.IsInRole(Roles.Team) && ReaderId(user) == notification.RecipientId.ToString(),
        _ => user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.DistrictOrganiser),
    };
}
