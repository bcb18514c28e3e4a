using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Contests;

public sealed record ContestSummary(Guid Id, string Name, ContestKind Kind, int Edition, string OrganisingBody, int TeamCount);

public static class ContestEndpoints
{
    public static RouteGroupBuilder MapContests(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests").WithTags("Contests");

        group.MapGet("/", ListContests)
            .WithName("ListContests").WithSummary("Lists every contest with its number of registered teams.")
            .AllowPublic();
        group.MapGet("/{contestId:guid}", GetContest)
            .WithName("GetContest").WithSummary("A contest's setup: districts, divisions and its version (ETag).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        group.MapPost("/", CreateContest.Handle)
            .WithName("CreateContest").WithSummary("Creates a contest with its districts and divisions (organisers).")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/{contestId:guid}/divisions", AddDivision.Handle)
            .WithName("AddDivision").WithSummary("Adds a division to a contest; send the contest's ETag as If-Match (organisers).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPut("/{contestId:guid}/rounds", SetRounds.Handle)
            .WithName("SetRounds")
            .WithSummary("Sets the contest's ordered rounds, each with a level (District, Province, National) and a type (JudgedSubmissions, Matches) (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPut("/{contestId:guid}/registration-rules", SetRegistrationRules.Handle)
            .WithName("SetRegistrationRules")
            .WithSummary("Sets the registration window (Vietnam local times) and eligibility rules; existing teams are re-checked and flagged (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        return group;
    }

    public static async Task<Ok<IReadOnlyList<ContestSummary>>> ListContests(IQuerySession session, CancellationToken cancellationToken)
    {
        var contests = await session.Query<Contest>().OrderBy(contest => contest.Name).ToListAsync(cancellationToken);
        var summaries = new List<ContestSummary>(contests.Count);
        foreach (var contest in contests)
        {
            var teams = await session.Query<Team>().CountAsync(team => team.ContestId == contest.Id, cancellationToken);
            summaries.Add(new ContestSummary(contest.Id, contest.Name, contest.Kind, contest.Edition, contest.OrganisingBody, teams));
        }

        return TypedResults.Ok<IReadOnlyList<ContestSummary>>(summaries);
    }

    public static async Task<Results<Ok<ContestView>, StatusCodeHttpResult, ProblemHttpResult>> GetContest(
        Guid contestId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Infrastructure.Problems.NotFound("contest-not-found");
        }

        if (Infrastructure.ETags.Matches(httpContext, contest.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        Infrastructure.ETags.Write(httpContext, contest.Version);
        return TypedResults.Ok(ContestView.From(contest));
    }
}
