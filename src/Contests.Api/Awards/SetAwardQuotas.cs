using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Awards;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Awards;

public sealed record DivisionAwardsView(string DivisionCode, string DivisionName, IReadOnlyList<TierQuota> Tiers, IReadOnlyList<OverrideRecord> Overrides, DecisionRecord? Decision);

/// <summary>A round's awards for the console: every division of the contest, with its tiers (none yet where unset).</summary>
public sealed record RoundAwardsView(Guid ContestId, Guid RoundId, string RoundName, IReadOnlyList<DivisionAwardsView> Divisions, long Version)
{
    public static RoundAwardsView From(Contest contest, RoundDefinition round, RoundAwards? awards) => new(
        contest.Id,
        round.Id,
        round.Name,
        contest.Divisions.Select(division => awards?.Division(division.Code) is { } set
            ? new DivisionAwardsView(division.Code, division.Name, set.Tiers, set.Overrides, set.Decision)
            : new DivisionAwardsView(division.Code, division.Name, [], [], null)).ToList(),
        awards?.Version ?? 0);
}

public static class SetAwardQuotas
{
    public static AwardQuotasSet Decide(Guid contestId, Guid roundId, AwardQuotasForm form, Actor actor, DateTimeOffset now) =>
        new(
            contestId,
            roundId,
            (form.Divisions ?? []).Select(division => new DivisionQuotas(division.DivisionCode!.Trim().ToUpperInvariant(), AwardQuotaRules.Quotas(division))).ToList(),
            actor,
            now);

    public static async Task<Results<Ok<RoundAwardsView>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (contest, round, refusal) = await AwardsAccess.Round(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return refusal!;
        }

        var awards = await session.LoadAsync<RoundAwards>(RoundAwards.StreamFor(roundId), cancellationToken);
        var view = RoundAwardsView.From(contest!, round, awards);
        if (ETags.Matches(httpContext, view.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>Sets the tiers and quotas of every division; the first time, If-Match is "0" (the GET answers that version).</summary>
    public static async Task<Results<Ok<RoundAwardsView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, AwardQuotasForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (contest, round, missing) = await AwardsAccess.Round(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return missing!;
        }

        var violations = AwardQuotaRules.Check(request, contest!.Divisions.Select(division => division.Code).ToList());
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var set = Decide(contestId, roundId, request, Actor.From(httpContext.User), clock.GetUtcNow());
        var stream = await session.Events.FetchForWriting<RoundAwards>(RoundAwards.StreamFor(roundId), expectedVersion, cancellationToken);
        stream.AppendOne(set);
        await session.SaveChangesAsync(cancellationToken);

        var updated = stream.Aggregate is { } current ? current.Apply(set) : RoundAwards.Create(set);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(RoundAwardsView.From(contest, round, updated));
    }
}
