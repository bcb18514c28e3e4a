using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Setup;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Contests;

public static class AddDivision
{
    public static async Task<Results<Ok<ContestView>, ProblemHttpResult>> Handle(
        Guid contestId,
        DivisionForm request,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var division = ContestSetupRules.NormaliseDivision(request);
        var violations = ContestSetupRules.CheckDivision(division);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is null)
        {
            return Problems.NotFound("contest-not-found");
        }

        var stream = await session.Events.FetchForWriting<Contest>(contestId, expectedVersion, cancellationToken);
        var contest = stream.Aggregate!;
        if (contest.HasDivision(division.Code!))
        {
            return Problems.Conflict("division-exists", field: "code");
        }

        var added = new DivisionAdded(contestId, new DivisionDefinition(division.Code!, division.Name!), Actor.From(httpContext.User), clock.GetUtcNow());
        stream.AppendOne(added);
        await session.SaveChangesAsync(cancellationToken);

        var updated = contest.Apply(added);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(ContestView.From(updated));
    }
}
