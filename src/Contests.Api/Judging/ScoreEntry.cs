using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

/// <summary>A score sheet as the tablet sends it; <c>Reason</c> is for corrections.</summary>
public sealed record ScoreForm(IReadOnlyList<CriterionScore>? Scores, string? Comment, string? Reason);

/// <summary>
/// A judge saves a draft of, submits, and corrects their sheet for an assigned entry; after judging locks only the head
/// judge or an organiser corrects, with a reason. Every write carries an Idempotency-Key: a resend is answered with the
/// sheet as the first attempt left it and appends nothing; the same key with a different sheet is refused.
/// </summary>
public static class ScoreEntry
{
    public const int MaxCommentLength = 2000;

    public static Task<Results<Ok<ScoreSheetView>, ProblemHttpResult>> SaveDraft(
        Guid contestId, Guid roundId, Guid entryId, ScoreForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        WriteOwn(JudgeSheet.DraftKind, contestId, roundId, entryId, request, httpContext, session, clock, cancellationToken);

    public static Task<Results<Ok<ScoreSheetView>, ProblemHttpResult>> Submit(
        Guid contestId, Guid roundId, Guid entryId, ScoreForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken) =>
        WriteOwn(JudgeSheet.SubmitKind, contestId, roundId, entryId, request, httpContext, session, clock, cancellationToken);

    private static async Task<Results<Ok<ScoreSheetView>, ProblemHttpResult>> WriteOwn(
        string kind, Guid contestId, Guid roundId, Guid entryId, ScoreForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (judgeId, notJudge) = ScoringAccess.JudgeIdOf(httpContext.User);
        if (notJudge is not null)
        {
            return notJudge;
        }

        var key = ScoringAccess.RequestKey(httpContext, out var noKey);
        if (key is null)
        {
            return noKey!;
        }

        var now = clock.GetUtcNow();
        var (scope, refusal) = await ScoringAccess.Scope(session, contestId, roundId, entryId, judgeId, now, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var form = Normalise(request);
        var actor = Actor.From(httpContext.User);
        // Two writes of one sheet at once (a resend racing its original, or two tabs): the loser reads the sheet again
        // and decides afresh, so a resend finds its twin and a different sheet meets the rules as they now stand.
        for (var attempt = 0; ; attempt++)
        {
            var writer = attempt == 0 ? session : session.DocumentStore.LightweightSession(session.TenantId);
            try
            {
                var sheet = attempt == 0 ? scope.Sheet : await writer.LoadAsync<JudgeSheet>(scope.SheetId, cancellationToken);
                if (sheet?.Applied(key) is { } applied)
                {
                    return await Replay(httpContext, writer, sheet, applied, kind, form, cancellationToken);
                }

                var decided = kind == JudgeSheet.DraftKind ? DecideDraft(scope, sheet, form, key, actor, now) : DecideSubmit(scope, sheet, form, key, actor, now);
                if (decided.Change is null)
                {
                    return decided.Refusal!;
                }

                Append(writer, scope.SheetId, sheet, decided.Change);
                await writer.SaveChangesAsync(cancellationToken);
                return Answer(httpContext, JudgeSheet.After(sheet, decided.Change));
            }
            catch (Exception exception) when (attempt < 3 && exception is ExistingStreamIdCollisionException or ConcurrencyException)
            {
            }
            finally
            {
                if (attempt > 0)
                {
                    await writer.DisposeAsync();
                }
            }
        }
    }

    public static (object? Change, ProblemHttpResult? Refusal) DecideDraft(SheetScope scope, JudgeSheet? sheet, ScoreForm form, string key, Actor actor, DateTimeOffset now)
    {
        if (OpenForJudge(scope, sheet) is { } closed)
        {
            return (null, closed);
        }

        // A draft may leave criteria unscored; anything it does score must be a valid score.
        var violations = Check(scope, form).Where(violation => violation.Rule != RubricRules.ScoreMissing).ToList();
        if (violations.Count > 0)
        {
            return (null, Problems.Invalid(violations));
        }

        var assignment = scope.Assignment;
        return (new ScoreDraftSaved(
            scope.Judged.Contest.Id, scope.Judged.Round.Id, assignment.EntryId, assignment.TeamId, assignment.JudgeId, form.Scores!, form.Comment, key, actor, now), null);
    }

    public static (object? Change, ProblemHttpResult? Refusal) DecideSubmit(SheetScope scope, JudgeSheet? sheet, ScoreForm form, string key, Actor actor, DateTimeOffset now)
    {
        if (OpenForJudge(scope, sheet) is { } closed)
        {
            return (null, closed);
        }

        var violations = Check(scope, form);
        if (violations.Count > 0)
        {
            return (null, Problems.Invalid(violations));
        }

        var assignment = scope.Assignment;
        var division = scope.Division;
        return (new ScoreSubmitted(
            scope.Judged.Contest.Id, scope.Judged.Round.Id, assignment.EntryId, assignment.TeamId, assignment.JudgeId, division, form.Scores!,
            scope.Judging.Rubric.WeightedTotal(division, form.Scores!), form.Comment, key, actor, now), null);
    }

    private static ProblemHttpResult? OpenForJudge(SheetScope scope, JudgeSheet? sheet) =>
        scope.Lock.Locked ? Problems.Refused(StatusCodes.Status409Conflict, "judging-locked")
        : sheet?.IsSubmitted == true ? Problems.Refused(StatusCodes.Status409Conflict, "sheet-already-submitted")
        : null;

    /// <summary>
    /// Corrects a submitted sheet: its own judge while judging is open; the head judge or an organiser at any time, always
    /// with a reason (their name goes on it, not the judge's). Needs If-Match with the sheet's version: of two corrections
    /// made from the same version, one succeeds and the other gets 412.
    /// </summary>
    public static async Task<Results<Ok<ScoreSheetView>, ProblemHttpResult>> Correct(
        Guid contestId, Guid roundId, Guid entryId, Guid judgeId, ScoreForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = httpContext.User;
        var organiser = user.IsInRole(Roles.Organiser);
        Judge? corrector = null;
        if (!organiser)
        {
            (corrector, var notJudge) = await ScoringAccess.JudgeOf(user, session, contestId, cancellationToken);
            if (corrector is null)
            {
                return notJudge!;
            }

            if (corrector.Id != judgeId && !corrector.HeadJudge)
            {
                return Problems.Refused(StatusCodes.Status403Forbidden, "sheet-not-yours");
            }
        }

        var (judged, notJudged) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return notJudged!;
        }

        var key = ScoringAccess.RequestKey(httpContext, out var noKey);
        if (key is null)
        {
            return noKey!;
        }

        var now = clock.GetUtcNow();
        var (scope, refusal) = await ScoringAccess.Scope(session, contestId, roundId, entryId, judgeId, now, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var sheet = scope.Sheet;
        var form = Normalise(request);
        if (sheet?.Applied(key) is { } applied)
        {
            return await Replay(httpContext, session, sheet, applied, JudgeSheet.CorrectKind, form, cancellationToken);
        }

        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var noVersion))
        {
            return noVersion!;
        }

        var byTheJudge = corrector?.Id == judgeId;
        var mayAfterLock = organiser || corrector?.HeadJudge == true;
        var rule = sheet?.IsSubmitted != true ? "sheet-not-submitted"
            : scope.Lock.Locked && !mayAfterLock ? "judging-locked-correction"
            : null;
        if (rule is not null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, rule);
        }

        if (sheet!.Version != expectedVersion)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale");
        }

        var violations = Check(scope, form).ToList();
        if ((scope.Lock.Locked || !byTheJudge) && form.Reason is null)
        {
            violations.Add(new RuleViolation("reason", "correction-reason-required"));
        }

        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var division = scope.Division;
        var assignment = scope.Assignment;
        var corrected = new ScoreCorrected(
            contestId, roundId, assignment.EntryId, assignment.TeamId, judgeId, division, form.Scores!, scope.Judging.Rubric.WeightedTotal(division, form.Scores!),
            form.Comment, form.Reason, key, Actor.From(user), now);
        session.Events.Append(scope.SheetId, expectedVersion + 1, corrected);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return Problems.Refused(StatusCodes.Status412PreconditionFailed, "version-stale");
        }

        return Answer(httpContext, JudgeSheet.After(sheet, corrected));
    }

    private static ScoreForm Normalise(ScoreForm request) => new(
        (request.Scores ?? []).Select(score => score with { Code = VietnameseText.Clean(score.Code).ToUpperInvariant() }).ToList(),
        VietnameseText.Clean(request.Comment) is { Length: > 0 } comment ? comment : null,
        VietnameseText.Clean(request.Reason) is { Length: > 0 } reason ? reason : null);

    private static List<RuleViolation> Check(SheetScope scope, ScoreForm form)
    {
        var violations = RubricRules.CheckSheet(scope.Judging.Rubric, scope.Division, form.Scores!).ToList();
        if (form.Comment is { Length: > MaxCommentLength })
        {
            violations.Add(new RuleViolation("comment", "too-long", MaxCommentLength));
        }

        if (form.Reason is { Length: > MaxCommentLength })
        {
            violations.Add(new RuleViolation("reason", "too-long", MaxCommentLength));
        }

        return violations;
    }

    private static void Append(IDocumentSession session, Guid sheetId, JudgeSheet? sheet, object change)
    {
        if (sheet is null)
        {
            session.Events.StartStream<JudgeSheet>(sheetId, change);
        }
        else
        {
            session.Events.Append(sheetId, sheet.Version + 1, change);
        }
    }

    /// <summary>
    /// A key the sheet has seen: the same request again is answered with the sheet as that request left it; the key on a
    /// different request is refused, since a client reusing keys would otherwise lose a write silently.
    /// </summary>
    private static async Task<Results<Ok<ScoreSheetView>, ProblemHttpResult>> Replay(
        HttpContext httpContext, IQuerySession session, JudgeSheet sheet, AppliedRequest applied, string kind, ScoreForm form, CancellationToken cancellationToken)
    {
        if (applied.Kind != kind || applied.Fingerprint != JudgeSheet.Fingerprint(kind, form.Scores!, form.Comment, form.Reason))
        {
            return Problems.Refused(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused");
        }

        Idempotency.MarkReplayed(httpContext);
        var then = (await session.Events.AggregateStreamAsync<JudgeSheet>(sheet.Id, applied.Sequence, token: cancellationToken))!;
        then.Version = applied.Sequence;
        return Answer(httpContext, then);
    }

    private static Ok<ScoreSheetView> Answer(HttpContext httpContext, JudgeSheet sheet)
    {
        ETags.Write(httpContext, sheet.Version);
        return TypedResults.Ok(ScoreSheetView.From(sheet, sheet.EntryId, sheet.JudgeId));
    }
}
