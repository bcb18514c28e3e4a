using Contests.Api.Access;
using Contests.Api.Infrastructure;

namespace Contests.Api.Judging;

public static class JudgingResultsEndpoints
{
    public static RouteGroupBuilder MapJudgingResults(this IEndpointRouteBuilder app)
    {
        var judging = app.MapGroup("/api/contests/{contestId:guid}/rounds/{roundId:guid}/judging").WithTags("Judging");
        judging.MapGet("/results", JudgingResults.Get)
            .WithName("GetJudgingResults")
            .WithSummary("Each division's ranking from the judges' current sheets, by the round's method and tie-breaks; ties share a rank (organisers, head judge).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JudgingOverseer);
        judging.MapGet("/progress", JudgingResults.Progress)
            .WithName("GetJudgingProgress")
            .WithSummary("Sheets scored of assigned, per panel and per judge, and the entries still missing scores with the judges who owe them (organisers, head judge).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JudgingOverseer);
        judging.MapGet("/outliers", JudgingResults.Outliers)
            .WithName("GetJudgingOutliers")
            .WithSummary("Each judge's mean deviation from the median of the entries they scored, per division, with the ones far from their panel flagged (organisers, head judge).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JudgingOverseer);
        judging.MapGet("/entries/{entryId:guid}/history", JudgingResults.History)
            .WithName("GetEntryScoreHistory")
            .WithSummary("Every version of every judge's sheet for one entry, with who, when and why (organisers, head judge).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JudgingOverseer);
        judging.MapGet("/side-by-side", JudgingResults.SideBySide)
            .WithName("GetJudgingSideBySide")
            .WithSummary("One division's entries against its judges: each judge's current scores per criterion and total (organisers, head judge; ?division=, the first by default).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JudgingOverseer);
        judging.MapPut("/tie-orders/{division}", DecideTieOrder.Handle)
            .WithName("DecideTieOrder")
            .WithSummary("Records the organisers' order, best first, for entries of a division the tie-breaks left tied; applies where the round's rules include OrganiserDecision (organisers, If-Match; \"0\" for the first).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        app.MapGet("/api/contests/{contestId:guid}/rounds/{roundId:guid}/results/teams/{teamId:guid}", TeamResult.Handle)
            .WithTags("Judging")
            .WithName("GetTeamResult")
            .WithSummary("A team's own result in a judged round once the round's results are published: score, rank in its division, each criterion and each (unnamed) judge's sheet; before that only when it will be (the team, its district and organisers).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        app.MapGet("/api/contests/{contestId:guid}/rounds/{roundId:guid}/results/public", PublicRanking.Handle)
            .WithTags("Judging")
            .WithName("GetPublicRanking")
            .WithSummary("A judged round's ranking per division for everyone (rank shared by ties, team, school, district, score), once the round's results are published; before that only when they will be, and no rows.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowPublic();
        return judging;
    }
}
