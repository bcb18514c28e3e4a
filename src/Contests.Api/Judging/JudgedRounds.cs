using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>A contest and one of its rounds that is judged from submissions (not played as matches).</summary>
public sealed record JudgedRound(Contest Contest, RoundDefinition Round)
{
    public IReadOnlyList<string> DivisionCodes => Contest.Divisions.Select(division => division.Code).ToList();
}

/// <summary>The lookups and the save every judging use case shares.</summary>
public static class JudgedRounds
{
    /// <summary>The contest's judged round, or the refusal: 404 for an unknown contest or round, 409 for a match round.</summary>
    public static async Task<(JudgedRound? Round, ProblemHttpResult? Refusal)> Find(
        IQuerySession session, Guid contestId, Guid roundId, CancellationToken cancellationToken)
    {
        return Of(await session.LoadAsync<Contest>(contestId, cancellationToken), roundId);
    }

    /// <summary>The same decision for a contest already read (null when it does not exist).</summary>
    public static (JudgedRound? Round, ProblemHttpResult? Refusal) Of(Contest? contest, Guid roundId) =>
        contest is null ? (null, Problems.NotFound("contest-not-found"))
        : contest.Round(roundId) switch
        {
            null => (null, Problems.NotFound("round-not-found")),
            { Type: not RoundType.JudgedSubmissions } => (null, Problems.Refused(StatusCodes.Status409Conflict, "round-not-judged")),
            var round => (new JudgedRound(contest, round), null),
        };

    public static async Task<RoundJudging> JudgingOf(IQuerySession session, JudgedRound judged, CancellationToken cancellationToken) =>
        await session.LoadAsync<RoundJudging>(RoundJudging.IdFor(judged.Round.Id), cancellationToken)
        ?? RoundJudging.Unset(judged.Contest.Id, judged.Round.Id);

    /// <summary>
    /// The shared path of every change to a round's judging: If-Match, the judged round, a decision from the stream at
    /// exactly that version (an unset round is version 0), append, save, and the new view with its ETag.
    /// </summary>
    public static async Task<Results<Ok<RoundJudgingView>, ProblemHttpResult>> Change(
        Guid contestId,
        Guid roundId,
        HttpContext httpContext,
        IDocumentSession session,
        Func<JudgedRound, RoundJudging, (object? Change, IReadOnlyList<RuleViolation> Violations)> decide,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (judged, notJudged) = await Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return notJudged!;
        }

        var streamId = RoundJudging.IdFor(roundId);
        var stream = await session.Events.FetchForWriting<RoundJudging>(streamId, expectedVersion, cancellationToken);
        var (change, violations) = decide(judged, stream.Aggregate ?? RoundJudging.Unset(contestId, roundId));
        if (change is null)
        {
            return Problems.Invalid(violations);
        }

        stream.AppendOne(change);
        var (saved, stale) = await Save<RoundJudging>(session, streamId, cancellationToken);
        if (saved is null)
        {
            return stale!;
        }

        ETags.Write(httpContext, saved.Version);
        return TypedResults.Ok(RoundJudgingView.From(saved, judged.Round.Name, judged.DivisionCodes));
    }

    /// <summary>
    /// Saves what the handler appended, then reads the stream's inline snapshot back as it now stands. Two first writes
    /// to a new stream race on its id: the loser is told, like any stale writer, to reload (412).
    /// </summary>
    public static async Task<(T? Saved, ProblemHttpResult? Refusal)> Save<T>(IDocumentSession session, Guid streamId, CancellationToken cancellationToken)
        where T : notnull
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            return (default, Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale"));
        }

        return (await session.LoadAsync<T>(streamId, cancellationToken), null);
    }
}
