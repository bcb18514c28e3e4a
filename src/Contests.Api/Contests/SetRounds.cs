using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Setup;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Contests;

public static class SetRounds
{
    public static async Task<Results<Ok<ContestView>, ProblemHttpResult>> Handle(
        Guid contestId, RoundsForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var violations = RoundsSetup.Check(request);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is null)
        {
            return Problems.NotFound("contest-not-found");
        }

        var stream = await session.Events.FetchForWriting<Contest>(contestId, expectedVersion, cancellationToken);
        var rounds = request.Rounds!.Select((round, index) => new RoundDefinition(
            index + 1, VietnameseText.Clean(round.Name), Enum.Parse<RoundLevel>(round.Level!), Enum.Parse<RoundType>(round.Type!))).ToList();
        var set = new RoundsSet(contestId, rounds, Actor.From(httpContext.User), clock.GetUtcNow());
        stream.AppendOne(set);
        await session.SaveChangesAsync(cancellationToken);

        var updated = stream.Aggregate!.Apply(set);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(ContestView.From(updated));
    }
}
