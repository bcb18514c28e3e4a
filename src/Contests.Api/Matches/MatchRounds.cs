using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

/// <summary>Finding a contest's match round, and the one way every change to a round's own stream is made.</summary>
public static class MatchRounds
{
    /// <summary>The contest's round if it exists and is played as matches; otherwise the 404 or 409 to answer.</summary>
    public static async Task<ProblemHttpResult?> CheckRound(IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        return contest.Round(roundId) switch
        {
            null => Problems.NotFound("match-round-not-found"),
            { Type: not RoundType.Matches } => Problems.Refused(StatusCodes.Status409Conflict, "round-not-matches"),
            _ => null,
        };
    }

    public static async Task<(MatchRound? Round, ProblemHttpResult? Refusal)> Load(
        IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        if (await CheckRound(session, contestId, roundId, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        return await session.LoadAsync<MatchRound>(MatchRound.IdFor(roundId), cancellationToken) is { } round
            ? (round, null)
            : (null, Problems.NotFound("game-not-set"));
    }

    public static async Task<IReadOnlyList<Match>> Matches(IQuerySession session, Guid roundId, CancellationToken cancellationToken) =>
        await session.Query<Match>().Where(match => match.RoundId == roundId).ToListAsync(cancellationToken);

    public static async Task<MatchRoundView> View(IQuerySession session, MatchRound round, CancellationToken cancellationToken) =>
        MatchRoundView.From(round, await Matches(session, round.RoundId, cancellationToken), round.Version);

    /// <summary>
    /// Reads If-Match, loads the round and its matches, lets <paramref name="decide"/> answer one event or a refusal,
    /// appends it at the version the client read, and answers the new round with its ETag.
    /// </summary>
    public static async Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> Change(
        Guid contestId,
        Guid roundId,
        HttpContext httpContext,
        IDocumentSession session,
        Func<MatchRound, IReadOnlyList<Match>, Actor, Task<(object? Change, ProblemHttpResult? Refusal)>> decide,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var versionRefusal))
        {
            return versionRefusal!;
        }

        var (round, refusal) = await Load(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return refusal!;
        }

        var matches = await Matches(session, roundId, cancellationToken);
        var (change, refused) = await decide(round, matches, Actor.From(httpContext.User));
        if (change is null)
        {
            return refused!;
        }

        var stream = await session.Events.FetchForWriting<MatchRound>(round.Id, expectedVersion, cancellationToken);
        stream.AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);

        var updated = (await session.LoadAsync<MatchRound>(round.Id, cancellationToken))!;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(MatchRoundView.From(updated, matches, updated.Version));
    }

    /// <summary>Once a result exists the game and the draw are history: changing them would rewrite what was played.</summary>
    public static ProblemHttpResult? RefuseOnceStarted(IReadOnlyList<Match> matches) =>
        matches.Count > 0 ? Problems.Refused(StatusCodes.Status409Conflict, "match-round-started") : null;
}
