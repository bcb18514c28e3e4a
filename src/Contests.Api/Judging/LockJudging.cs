using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

public sealed record JudgingLockRequest(string? Reason);

/// <summary>
/// Organisers lock a round's judging by hand before its scheduled time, or unlock it (with a reason) after either lock,
/// for instance to let a judge finish a sheet. Both go to the round's judging stream, so they need its If-Match.
/// </summary>
public static class LockJudging
{
    public static async Task<Results<Ok<JudgingLockView>, ProblemHttpResult>> Get(
        Guid contestId, Guid roundId, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var judging = await JudgedRounds.JudgingOf(session, judged, cancellationToken);
        return TypedResults.Ok(await ScoringAccess.LockOf(session, judging, clock.GetUtcNow(), cancellationToken));
    }

    public static Task<Results<Ok<JudgingLockView>, ProblemHttpResult>> Lock(
        Guid contestId, Guid roundId, JudgingLockRequest? request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        Change(contestId, roundId, httpContext, session, clock, (state, now) =>
            state.Locked
                ? (null, Problems.Refused(StatusCodes.Status409Conflict, "judging-already-locked"))
                : (new JudgingLockedByHand(contestId, roundId, Reason(request), Actor.From(httpContext.User), now), null),
            cancellationToken);

    public static Task<Results<Ok<JudgingLockView>, ProblemHttpResult>> Unlock(
        Guid contestId, Guid roundId, JudgingLockRequest? request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        Change(contestId, roundId, httpContext, session, clock, (state, now) =>
            !state.Locked ? (null, Problems.Refused(StatusCodes.Status409Conflict, "judging-not-locked"))
            : Reason(request) is not { } reason ? (null, Problems.Invalid([new RuleViolation("reason", "unlock-reason-required")]))
            : (new JudgingUnlockedByHand(contestId, roundId, reason, Actor.From(httpContext.User), now), null),
            cancellationToken);

    private static string? Reason(JudgingLockRequest? request) => VietnameseText.Clean(request?.Reason) is { Length: > 0 } reason ? reason : null;

    private static async Task<Results<Ok<JudgingLockView>, ProblemHttpResult>> Change(
        Guid contestId, Guid roundId, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        Func<JudgingLockView, DateTimeOffset, (object? Change, ProblemHttpResult? Refusal)> decide, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var noVersion))
        {
            return noVersion!;
        }

        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        var streamId = RoundJudging.IdFor(roundId);
        var stream = await session.Events.FetchForWriting<RoundJudging>(streamId, expectedVersion, cancellationToken);
        var state = await ScoringAccess.LockOf(session, stream.Aggregate ?? RoundJudging.Unset(contestId, roundId), now, cancellationToken);
        var (change, refused) = decide(state, now);
        if (change is null)
        {
            return refused!;
        }

        stream.AppendOne(change);
        var (saved, stale) = await JudgedRounds.Save<RoundJudging>(session, streamId, cancellationToken);
        if (saved is null)
        {
            return stale!;
        }

        ETags.Write(httpContext, saved.Version);
        return TypedResults.Ok(await ScoringAccess.LockOf(session, saved, now, cancellationToken));
    }
}
