using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

public sealed record TeamHistoryEntry(long Version, string Event, DateTimeOffset At, object Data);

public static class GetTeam
{
    public static async Task<Results<Ok<TeamDetails>, StatusCodeHttpResult, ProblemHttpResult>> Handle(
        Guid contestId, Guid teamId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (team, refusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null)
        {
            return refusal!;
        }

        if (ETags.Matches(httpContext, team.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, team.Version);
        return TypedResults.Ok(TeamDetails.From(team));
    }

    /// <summary>Every event of the team's stream, oldest first: who did what, when, and with which data.</summary>
    public static async Task<Results<Ok<IReadOnlyList<TeamHistoryEntry>>, ProblemHttpResult>> History(
        Guid contestId, Guid teamId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (team, refusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null)
        {
            return refusal!;
        }

        var events = await session.Events.FetchStreamAsync(teamId, token: cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TeamHistoryEntry>>(
            events.Select(entry => new TeamHistoryEntry(entry.Version, entry.EventTypeName, entry.Timestamp, entry.Data)).ToList());
    }
}
