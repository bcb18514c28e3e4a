using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Leaderboards;
using Contests.Domain.Matches;
using Contests.Domain.Registration;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Contests.Api.Matches;

public sealed record ResultForm(ScoreSheet? Sheet);

public sealed record LiveScoreForm(long? Sequence, ScoreSheet? Sheet);

/// <summary>A referee's running score, pushed to the round's board as it is tapped in; unofficial, never stored.</summary>
public sealed record LiveScore(string Board, string Code, long Sequence, Guid Red, Guid Blue, MatchScore Score);

/// <summary>A match to score, as its referee or the head referee needs it: teams, game, the latest sheet and every version.</summary>
public sealed record MatchDetails(
    MatchView Match, GameDefinition Game, MatchTeam? RedTeam, MatchTeam? BlueTeam, ScoreSheet? Sheet, string? ReturnReason, IReadOnlyList<MatchVersion> History);

/// <summary>One version of a match's result: who did what and when, why for a return or correction, and the score.</summary>
public sealed record MatchVersion(long Version, string Event, DateTimeOffset At, Actor By, string? Reason, MatchScore? Score);

/// <summary>The referee's side of a match: submit the sheet for confirmation (idempotent), push the running score.</summary>
public static class ScoreMatch
{
    public const string LiveScoreMessage = "LiveScore";

    internal sealed record Found(MatchRound Round, IReadOnlyList<Match> Matches, ScheduledMatch Scheduled, Match? Match, Guid? Red, Guid? Blue)
    {
        public Guid MatchId => Match?.Id ?? global::Contests.Api.Matches.Match.IdFor(Round.RoundId, Scheduled.Code);
    }

    internal static async Task<(Found? Found, ProblemHttpResult? Refusal)> Find(
        IQuerySession session, Guid contestId, Guid roundId, string code, CancellationToken cancellationToken)
    {
        var (round, refusal) = await MatchRounds.Load(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return (null, refusal);
        }

        if (round.Match(code) is not { } scheduled)
        {
            return (null, Problems.NotFound("match-not-found"));
        }

        var matches = await MatchRounds.Matches(session, roundId, cancellationToken);
        var (red, blue) = RoundResults.TeamsOf(round, matches, scheduled);
        return (new Found(round, matches, scheduled, matches.FirstOrDefault(match => match.Code == code), red, blue), null);
    }

    /// <summary>Missing counts are zero; a sheet sent without one of its parts is read as empty, not as an error.</summary>
    /// <summary>The sheet as scored, and what is wrong with it: a sheet names both sides, even a side that scored nothing.</summary>
    internal static (ScoreSheet Sheet, List<RuleViolation> Violations) Read(GameDefinition game, ScoreSheet? submitted, bool winnerRequired)
    {
        var sheet = Normalise(submitted);
        var missing = new[] { ("sheet.red", submitted?.Red), ("sheet.blue", submitted?.Blue) }
            .Where(side => side.Item2 is null)
            .Select(side => new RuleViolation(side.Item1, "match-sheet-side-missing"))
            .ToList();
        return (sheet, missing.Count > 0 ? missing : [.. MatchScoring.Check(game, sheet, winnerRequired)]);
    }

    private static ScoreSheet Normalise(ScoreSheet? sheet)
    {
        static SideSheet Side(SideSheet? side) =>
            new(side?.Tasks ?? new Dictionary<string, int>(), side?.Penalties ?? new Dictionary<string, int>());
        return sheet is null ? ScoreSheet.Empty : sheet with { Red = Side(sheet.Red), Blue = Side(sheet.Blue) };
    }

    public static async Task<Results<Created<MatchDetails>, ProblemHttpResult>> Submit(
        Guid contestId, Guid roundId, string code, ResultForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (found, refusal) = await Find(session, contestId, roundId, code, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var submissionId = Idempotency.NewStreamId(httpContext, $"match-result/{found.MatchId}");
        if (found.Match?.Submissions.Contains(submissionId) == true)
        {
            return await Replayed(httpContext, session, found.Round, found.Match, cancellationToken);
        }

        if (found.Red is not { } red || found.Blue is not { } blue)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "match-teams-not-known");
        }

        if (found.Match?.Status is MatchStatus.AwaitingConfirmation or MatchStatus.Confirmed)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, found.Match.Status == MatchStatus.Confirmed ? "match-already-confirmed" : "match-awaiting-confirmation");
        }

        var (sheet, violations) = Read(found.Round.Game, request.Sheet, winnerRequired: found.Scheduled.Stage == MatchStage.Knockout);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var submitted = new MatchResultSubmitted(
            found.MatchId, roundId, code, submissionId, red, blue, sheet, MatchScoring.Score(found.Round.Game, sheet), Actor.From(httpContext.User), clock.GetUtcNow());
        if (found.Match is null)
        {
            session.Events.StartStream<Match>(found.MatchId, submitted);
        }
        else
        {
            session.Events.Append(found.MatchId, found.Match.Version + 1, submitted);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is ExistingStreamIdCollisionException or ConcurrencyException)
        {
            // Another attempt got there first: the same submission resent on a flaky network, or someone else's result.
            await using var retry = session.DocumentStore.LightweightSession(session.TenantId);
            var current = (await retry.LoadAsync<Match>(found.MatchId, cancellationToken))!;
            return current.Submissions.Contains(submissionId)
                ? await Replayed(httpContext, retry, found.Round, current, cancellationToken)
                : Problems.Refused(StatusCodes.Status409Conflict, "match-awaiting-confirmation");
        }

        var match = (await session.LoadAsync<Match>(found.MatchId, cancellationToken))!;
        ETags.Write(httpContext, match.Version);
        return TypedResults.Created(MatchUrl(contestId, roundId, code), await Details(session, found.Round, match, cancellationToken));
    }

    private static async Task<Created<MatchDetails>> Replayed(HttpContext httpContext, IQuerySession session, MatchRound round, Match match, CancellationToken cancellationToken)
    {
        Idempotency.MarkReplayed(httpContext);
        ETags.Write(httpContext, match.Version);
        return TypedResults.Created(MatchUrl(round.ContestId, round.RoundId, match.Code), await Details(session, round, match, cancellationToken));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> Live(
        Guid contestId, Guid roundId, string code, LiveScoreForm request, IQuerySession session, IHubContext<LiveHub> hub, CancellationToken cancellationToken)
    {
        var (found, refusal) = await Find(session, contestId, roundId, code, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        if (found.Red is not { } red || found.Blue is not { } blue)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "match-teams-not-known");
        }

        var (sheet, violations) = Read(found.Round.Game, request.Sheet, winnerRequired: false);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var board = MatchBoard.Name(contestId, roundId);
        await hub.Clients.Group(LiveHub.Group(session.TenantId, board)).SendAsync(
            LiveScoreMessage, new LiveScore(board, code, request.Sequence ?? 0, red, blue, MatchScoring.Score(found.Round.Game, sheet)), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Ok<MatchDetails>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid contestId, Guid roundId, string code, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (found, refusal) = await Find(session, contestId, roundId, code, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var version = found.Match?.Version ?? 0;
        if (ETags.Matches(httpContext, version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, version);
        return TypedResults.Ok(await Details(session, found.Round, found.Match, cancellationToken, found.Scheduled));
    }

    public static string MatchUrl(Guid contestId, Guid roundId, string code) => $"/api/contests/{contestId}/rounds/{roundId}/matches/{code}";

    internal static async Task<MatchDetails> Details(
        IQuerySession session, MatchRound round, Match? match, CancellationToken cancellationToken, ScheduledMatch? scheduled = null)
    {
        var code = match?.Code ?? scheduled!.Code;
        var matches = await MatchRounds.Matches(session, round.RoundId, cancellationToken);
        var view = MatchRoundView.From(round, matches, round.Version).Matches.First(item => item.Code == code);
        var history = match is null ? [] : (await session.Events.FetchStreamAsync(match.Id, token: cancellationToken)).Select(Version).ToList();
        MatchTeam? TeamOf(Guid? id) => round.Teams.FirstOrDefault(team => team.TeamId == id);
        return new MatchDetails(view, round.Game, TeamOf(view.Red), TeamOf(view.Blue), match?.Sheet, match?.ReturnReason, history);
    }

    private static MatchVersion Version(JasperFx.Events.IEvent entry) => entry.Data switch
    {
        MatchResultSubmitted submitted => new(entry.Version, "submitted", submitted.SubmittedAt, submitted.SubmittedBy, null, submitted.Score),
        MatchResultReturned returned => new(entry.Version, "returned", returned.ReturnedAt, returned.ReturnedBy, returned.Reason, null),
        MatchResultConfirmed confirmed => new(entry.Version, "confirmed", confirmed.ConfirmedAt, confirmed.ConfirmedBy, null, confirmed.Score),
        MatchResultCorrected corrected => new(entry.Version, "corrected", corrected.CorrectedAt, corrected.CorrectedBy, corrected.Reason, corrected.Score),
        _ => new(entry.Version, entry.EventTypeName, entry.Timestamp, Actor.System, null, null),
    };
}
