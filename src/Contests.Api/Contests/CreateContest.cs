using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Setup;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Contests;

public static class CreateContest
{
    public static ContestCreated Decide(Guid contestId, ContestForm form, Actor actor, DateTimeOffset now) =>
        new(
            contestId,
            form.Name!,
            Enum.Parse<ContestKind>(form.Kind!),
            form.Edition!.Value,
            form.OrganisingBody!,
            form.Districts!,
            form.Divisions!.Select(division => new DivisionDefinition(division.Code!, division.Name!)).ToList(),
            actor,
            now);

    public static async Task<Results<Created<ContestView>, ProblemHttpResult>> Handle(
        ContestForm request,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var contestId = Idempotency.NewStreamId(httpContext, "create-contest");
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is { } alreadyCreated)
        {
            Idempotency.MarkReplayed(httpContext);
            return Created(httpContext, alreadyCreated);
        }

        var form = ContestSetupRules.Normalise(request);
        var violations = ContestSetupRules.Check(form);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var created = Decide(contestId, form, Actor.From(httpContext.User), clock.GetUtcNow());
        session.Events.StartStream<Contest>(contestId, created);
        await session.SaveChangesAsync(cancellationToken);
        return Created(httpContext, await session.LoadAsync<Contest>(contestId, cancellationToken) ?? Contest.Create(created));
    }

    private static Created<ContestView> Created(HttpContext httpContext, Contest contest)
    {
        ETags.Write(httpContext, contest.Version);
        return TypedResults.Created($"/api/contests/{contest.Id}", ContestView.From(contest));
    }
}
