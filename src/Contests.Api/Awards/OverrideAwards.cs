using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain.Awards;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Awards;

/// <summary>
/// The organiser's decision for some entries of a division: a tier, "None" (no award) or "Computed" (take the
/// override back), always with a reason. Deciding a tie at a quota boundary is overriding every tied entry.
/// </summary>
public sealed record AwardOverrideForm(IReadOnlyList<Guid>? TeamIds, string? Tier, string? Reason);

public static class OverrideAwards
{
    public const string NoAward = "None";
    public const string Computed = "Computed";

    public static async Task<Results<Ok<DivisionAwardsView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, string division, AwardOverrideForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
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

        var divisionCode = division.Trim().ToUpperInvariant();
        if (!contest!.HasDivision(divisionCode))
        {
            return Problems.NotFound(RegistrationRule.UnknownDivision);
        }

        var reason = VietnameseText.Clean(request.Reason);
        var teamIds = (request.TeamIds ?? []).Distinct().ToList();
        var teams = await session.LoadManyAsync<Team>(cancellationToken, teamIds);
        var violations = new List<RuleViolation>();
        Domain.FieldChecks.RequireText(violations, "reason", reason);
        if (teamIds.Count == 0 || teams.Count != teamIds.Count || teams.Any(team => team.ContestId != contestId || team.DivisionCode != divisionCode))
        {
            violations.Add(new RuleViolation("teamIds", "ranking-team-not-in-division"));
        }

        AwardTier? tier = null;
        if (request.Tier is not (NoAward or Computed) && !(Enum.TryParse(request.Tier, out AwardTier parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.Tier, out _)))
        {
            violations.Add(new RuleViolation("tier", "override-tier-unknown"));
        }
        else if (request.Tier is not (NoAward or Computed))
        {
            tier = Enum.Parse<AwardTier>(request.Tier!);
        }

        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var stream = await session.Events.FetchForWriting<RoundAwards>(RoundAwards.StreamFor(roundId), expectedVersion, cancellationToken);
        if (stream.Aggregate?.Division(divisionCode) is null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "awards-not-configured");
        }

        var actor = Actor.From(httpContext.User);
        var now = clock.GetUtcNow();
        object change = request.Tier == Computed
            ? new AwardOverridesWithdrawn(contestId, roundId, divisionCode, teamIds, reason, actor, now)
            : new AwardsOverridden(contestId, roundId, divisionCode, teamIds, tier, reason, actor, now);
        stream.AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);

        var updated = change is AwardsOverridden overridden ? stream.Aggregate.Apply(overridden) : stream.Aggregate.Apply((AwardOverridesWithdrawn)change);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(RoundAwardsView.From(contest, round, updated).Divisions.Single(item => item.DivisionCode == divisionCode));
    }
}
