using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Setup;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Contests;

public static class SetRounds
{
    /// <summary>
    /// Existing rounds keep the id the client sends back; a new round's id is derived from the contest and its name, so
    /// the same request decided twice gives the same ids.
    /// </summary>
    public static (RoundsSet? Set, IReadOnlyList<RuleViolation> Violations) Decide(Contest contest, RoundsForm form, Actor actor, DateTimeOffset now)
    {
        var requested = form.Rounds!;
        var unknown = requested
            .Select((round, index) => (round, index))
            .Where(pair => pair.round.Id is { } id && contest.Round(id) is null)
            .Select(pair => new RuleViolation($"rounds[{pair.index}].id", "unknown-round"))
            .ToList();
        if (unknown.Count > 0)
        {
            return (null, unknown);
        }

        var rounds = requested.Select((round, index) => new RoundDefinition(
            round.Id ?? StreamIds.For("round", $"{contest.Id}/{VietnameseText.Fold(round.Name)}"),
            index + 1,
            VietnameseText.Clean(round.Name),
            Enum.Parse<RoundLevel>(round.Level!),
            Enum.Parse<RoundType>(round.Type!))).ToList();
        return (new RoundsSet(contest.Id, rounds, actor, now), []);
    }

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
        var (set, refused) = Decide(stream.Aggregate!, request, Actor.From(httpContext.User), clock.GetUtcNow());
        if (set is null)
        {
            return Problems.Invalid(refused);
        }

        stream.AppendOne(set);
        await session.SaveChangesAsync(cancellationToken);

        var updated = stream.Aggregate!.Apply(set);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(ContestView.From(updated));
    }
}
