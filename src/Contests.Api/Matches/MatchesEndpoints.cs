using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Leaderboards;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

public static class MatchesEndpoints
{
    public static RouteGroupBuilder MapMatches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests/{contestId:guid}/rounds/{roundId:guid}/matches").WithTags("Matches");

        group.MapGet("/board", GetBoard)
            .WithName("GetMatchBoard")
            .WithSummary("The public board of a match round: timetable, live states, group tables and bracket from confirmed results; pushed on /hubs/live. While frozen, the board as it stood at the freeze, revealed step by step. With asOf (e.g. 2024-05-10T16:00:00+07:00) the board as it stood then, rebuilt from the event store.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        group.MapGet("/board/live", GetLiveBoard)
            .WithName("GetLiveMatchBoard")
            .WithSummary("The live board for organisers: the same as the public one, but through a freeze it keeps showing every result (asOf as on the public board).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        group.MapGet("/board/phone", MatchBoardLinks.Phone)
            .WithName("GetMatchBoardPhoneLink")
            .WithSummary("The address of the phone board for this round and its QR code, for the big screen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        group.MapGet("/", GetRound)
            .WithName("GetMatchRound")
            .WithSummary("A match round for its officials: game, teams, groups, timetable with each match's state and version, unmet constraints (ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.MatchOfficial);
        group.MapPut("/game", SetUpRound.SetGame)
            .WithName("SetMatchGame")
            .WithSummary("Sets the round's game: tasks, penalties, instant win, duration, ranking points, tie-breakers. Creates the round (201); later changes need If-Match (organisers).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPut("/teams", SetUpRound.ChooseTeams)
            .WithName("ChooseMatchTeams")
            .WithSummary("Sets the round's teams in seed order; without ids, the contest's approved teams (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/draw", DrawStages.DrawGroupStage)
            .WithName("DrawGroupStage")
            .WithSummary("Draws the groups (seeded, spreading schools and districts), generates round-robin matches and lays them over fields and slots; reports unmet constraints (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/bracket", DrawStages.DrawKnockout)
            .WithName("DrawKnockout")
            .WithSummary("Seeds the knockout bracket from the finished group tables (winners against other groups' runners-up, byes, optional third place) and schedules it (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/delays", RunTheDay.DelayField)
            .WithName("DelayField")
            .WithSummary("Moves a field's unplayed matches by some minutes, with a reason; teams left short of rest are reported (organisers, head referee, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.MatchControl);
        group.MapPost("/lots", RunTheDay.DrawLot)
            .WithName("DrawLot")
            .WithSummary("Draws and records the lot between a group's teams that nothing else separates (organisers, head referee, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.MatchControl);
        group.MapGet("/{code}", ScoreMatch.Get)
            .WithName("GetMatch")
            .WithSummary("One match for its officials: teams, game, the latest sheet and every version of its result (ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.MatchOfficial);
        group.MapPost("/{code}/result", ScoreMatch.Submit)
            .WithName("SubmitMatchResult")
            .WithSummary("A referee submits the match's sheet for the head referee's confirmation. Send an Idempotency-Key: a resent sheet counts once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Referee);
        group.MapPost("/{code}/live", ScoreMatch.Live)
            .WithName("ShowLiveScore")
            .WithSummary("Pushes the referee's running score to the round's board as unofficial; nothing is stored.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Referee);
        group.MapPost("/{code}/confirm", ConfirmResult.Confirm)
            .WithName("ConfirmMatchResult")
            .WithSummary("The head referee confirms the submitted result; only a confirmed result counts (If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.HeadReferee);
        group.MapPost("/{code}/return", ConfirmResult.Return)
            .WithName("ReturnMatchResult")
            .WithSummary("The head referee returns the submitted result to the referee, with a reason (If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.HeadReferee);
        group.MapPost("/{code}/correction", ConfirmResult.Correct)
            .WithName("CorrectMatchResult")
            .WithSummary("The head referee corrects a confirmed result with a reason; standings and bracket follow, later played matches are flagged for review (If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.HeadReferee);
        return group;
    }

    public static async Task<Results<Ok<MatchRoundView>, StatusCodeHttpResult, ProblemHttpResult>> GetRound(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (round, refusal) = await MatchRounds.Load(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return refusal!;
        }

        ETags.Write(httpContext, round.Version);
        return TypedResults.Ok(await MatchRounds.View(session, round, cancellationToken));
    }

    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> GetBoard(
        Guid contestId, Guid roundId, string? asOf, IQuerySession session, CancellationToken cancellationToken) =>
        Board(contestId, roundId, asOf, live: false, session, cancellationToken);

    public static Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> GetLiveBoard(
        Guid contestId, Guid roundId, string? asOf, IQuerySession session, CancellationToken cancellationToken) =>
        Board(contestId, roundId, asOf, live: true, session, cancellationToken);

    private static async Task<Results<Ok<MatchRoundView>, ProblemHttpResult>> Board(
        Guid contestId, Guid roundId, string? asOf, bool live, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!AsOf.TryParse(asOf, out var instant))
        {
            return Problems.Refused(StatusCodes.Status400BadRequest, "as-of-invalid");
        }

        if (await MatchRounds.CheckRound(session, contestId, roundId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (instant is { } at)
        {
            // The rebuilt board carries its freeze as it stood then: the public sees what the public saw, never what a freeze hid.
            var setUp = await session.LoadAsync<MatchRound>(MatchRound.IdFor(roundId), cancellationToken);
            return setUp is not null && await MatchBoardHistory.AsOf(session, setUp, at, cancellationToken) is { } then
                ? TypedResults.Ok(live ? then.View() : then.PublicView())
                : Problems.NotFound("game-not-set");
        }

        if (await session.LoadAsync<MatchBoard>(roundId, cancellationToken) is { } board)
        {
            return TypedResults.Ok(live ? board.View() : board.PublicView());
        }

        // The daemon has not reached this round yet: the round as set up, at version 0, is what it will start from.
        return await session.LoadAsync<MatchRound>(MatchRound.IdFor(roundId), cancellationToken) is { } round
            ? TypedResults.Ok(MatchRoundView.From(round, [], 0))
            : Problems.NotFound("game-not-set");
    }
}
