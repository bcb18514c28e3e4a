using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Matches;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

public sealed record ReturnResultForm(string? Reason);

public sealed record CorrectionForm(ScoreSheet? Sheet, string? Reason);

/// <summary>
/// The head referee's side: confirm a submitted result (only then does it count) or return it to the referee, and
/// correct a confirmed one with a reason. Every version stays in the match's stream.
/// </summary>
public static class ConfirmResult
{
    public static Task<Results<Ok<MatchDetails>, ProblemHttpResult>> Confirm(
        Guid contestId, Guid roundId, string code, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(contestId, roundId, code, httpContext, session, (found, match, actor) =>
            match.Status != MatchStatus.AwaitingConfirmation
                ? (null, Problems.Refused(StatusCodes.Status409Conflict, "match-not-awaiting-confirmation"))
                : (new MatchResultConfirmed(match.Id, roundId, code, match.Red, match.Blue, match.Sheet, match.Score, actor, clock.GetUtcNow()), null),
            cancellationToken);

    public static Task<Results<Ok<MatchDetails>, ProblemHttpResult>> Return(
        Guid contestId, Guid roundId, string code, ReturnResultForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        Change(contestId, roundId, code, httpContext, session, (found, match, actor) =>
        {
            var reason = VietnameseText.Clean(request.Reason);
            var violations = new List<RuleViolation>();
            Domain.FieldChecks.RequireText(violations, "reason", reason, maxLength: 1000);
            return violations.Count > 0 ? (null, Problems.Invalid(violations))
                : match.Status != MatchStatus.AwaitingConfirmation ? (null, Problems.Refused(StatusCodes.Status409Conflict, "match-not-awaiting-confirmation"))
                : (new MatchResultReturned(match.Id, roundId, code, reason, actor, clock.GetUtcNow()), null);
        }, cancellationToken);

    public static Task<Results<Ok<MatchDetails>, ProblemHttpResult>> Correct(
        Guid contestId, Guid roundId, string code, CorrectionForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        Change(contestId, roundId, code, httpContext, session, (found, match, actor) =>
        {
            var reason = VietnameseText.Clean(request.Reason);
            var (sheet, violations) = ScoreMatch.Read(found.Round.Game, request.Sheet, winnerRequired: found.Scheduled.Stage == MatchStage.Knockout);
            Domain.FieldChecks.RequireText(violations, "reason", reason, maxLength: 1000);
            return violations.Count > 0 ? (null, Problems.Invalid(violations))
                : match.Status != MatchStatus.Confirmed ? (null, Problems.Refused(StatusCodes.Status409Conflict, "match-not-confirmed"))
                : (new MatchResultCorrected(match.Id, roundId, code, match.Red, match.Blue, sheet, MatchScoring.Score(found.Round.Game, sheet), reason, actor, clock.GetUtcNow()), null);
        }, cancellationToken);

    private static async Task<Results<Ok<MatchDetails>, ProblemHttpResult>> Change(
        Guid contestId,
        Guid roundId,
        string code,
        HttpContext httpContext,
        IDocumentSession session,
        Func<ScoreMatch.Found, Match, Actor, (object? Change, ProblemHttpResult? Refusal)> decide,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var versionRefusal))
        {
            return versionRefusal!;
        }

        var (found, refusal) = await ScoreMatch.Find(session, contestId, roundId, code, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        if (found.Match is not { } match)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "match-not-awaiting-confirmation");
        }

        var (change, refused) = decide(found, match, Actor.From(httpContext.User));
        if (change is null)
        {
            return refused!;
        }

        var stream = await session.Events.FetchForWriting<Match>(match.Id, expectedVersion, cancellationToken);
        stream.AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);

        var updated = (await session.LoadAsync<Match>(match.Id, cancellationToken))!;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(await ScoreMatch.Details(session, found.Round, updated, cancellationToken));
    }
}
