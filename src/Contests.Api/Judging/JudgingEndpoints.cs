using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Judging;

public static class JudgingEndpoints
{
    public static RouteGroupBuilder MapJudging(this IEndpointRouteBuilder app)
    {
        var contest = app.MapGroup("/api/contests/{contestId:guid}").WithTags("Judging");

        var round = contest.MapGroup("/rounds/{roundId:guid}");
        round.MapGet("/judging", GetRoundJudging)
            .WithName("GetRoundJudging")
            .WithSummary("A judged round's rubric, aggregation method, tie-break rules and judges per entry, with the highest total per division (ETag; version 0 until set).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowPublic();
        round.MapPut("/judging/rubric", SetRubric.Handle)
            .WithName("SetRubric")
            .WithSummary("Sets a judged round's rubric: ordered criteria, each with code, description, maximum, step, weight and optional divisions (organisers, If-Match; \"0\" for the first).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        round.MapPut("/judging/settings", SetJudgingSettings.Handle)
            .WithName("SetJudgingSettings")
            .WithSummary("Sets a judged round's aggregation method (Mean, TrimmedMean, Median, StandardisedMean), trim, judges per entry and ordered tie-breaks (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        round.MapGet("/panels", Panels.List)
            .WithName("ListPanels").WithSummary("The round's panels with their scope and members (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Organiser);
        round.MapPost("/panels", CreatePanel.Handle)
            .WithName("CreatePanel")
            .WithSummary("Creates a panel: name, divisions and fields it judges (none = all), member judges. Send an Idempotency-Key (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        round.MapPut("/panels/{panelId:guid}", EditPanel.Handle)
            .WithName("EditPanel").WithSummary("Replaces a panel's name, scope and members (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        round.MapDelete("/panels/{panelId:guid}", EditPanel.Remove)
            .WithName("RemovePanel").WithSummary("Removes a panel (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);

        contest.MapGet("/judges", Judges.List)
            .WithName("ListJudges").WithSummary("The contest's judges with their affiliations and contact, sorted the Vietnamese way (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        contest.MapPost("/judges", AddJudge.Handle)
            .WithName("AddJudge")
            .WithSummary("Adds a judge: name, affiliations (schools, districts, organisations) for conflict-of-interest checks, contact, head judge. Send an Idempotency-Key (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        contest.MapGet("/judges/{judgeId:guid}", Judges.Get)
            .WithName("GetJudge").WithSummary("One judge's profile (organisers, ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        contest.MapPut("/judges/{judgeId:guid}", EditJudge.Handle)
            .WithName("EditJudge").WithSummary("Replaces a judge's profile and affiliations (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        contest.MapDelete("/judges/{judgeId:guid}", RemoveJudge.Handle)
            .WithName("RemoveJudge").WithSummary("Removes a judge who sits on no panel (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        contest.MapPost("/judges/{judgeId:guid}/sign-in-code", IssueJudgeCode.Handle)
            .WithName("IssueJudgeCode")
            .WithSummary("Issues the judge's personal sign-in code, link and QR code; the session it opens is the judge's (Judge or HeadJudge role) (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);

        app.MapGet("/api/judging/me", JudgeSelf.Handle)
            .WithTags("Judging")
            .WithName("GetJudgeSelf").WithSummary("The signed-in judge: their contest, name, head-judge flag and panels (judges).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Judge);
        return contest;
    }

    public static async Task<Results<Ok<RoundJudgingView>, StatusCodeHttpResult, ProblemHttpResult>> GetRoundJudging(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (judged, refusal) = await JudgedRounds.Find(session, contestId, roundId, cancellationToken);
        if (judged is null)
        {
            return refusal!;
        }

        var judging = await JudgedRounds.JudgingOf(session, judged, cancellationToken);
        if (ETags.Matches(httpContext, judging.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, judging.Version);
        return TypedResults.Ok(RoundJudgingView.From(judging, judged.Round.Name, judged.DivisionCodes));
    }
}
