using System.Security.Cryptography;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Judging;
using Contests.Api.Registration;
using Contests.Domain.Awards;
using Contests.Domain.Registration;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Awards;

/// <summary>A team's place: a rank (equal ranks are ties), or a score from which ranks are derived (highest first).</summary>
public sealed record RankingEntryForm(Guid? TeamId, int? Rank, decimal? Score);

/// <summary>
/// The ranking the allocation runs on. Without one, a judged round's awards follow its judging: each team's rank and
/// score in the division as the judges' sheets give them (ties stay ties). A ranking given here replaces it — for a match
/// round, or when the organisers rank from another source.
/// </summary>
public sealed record RankingForm(IReadOnlyList<RankingEntryForm>? Entries);

public sealed record AllocatedEntryView(
    Guid TeamId, string TeamName, string School, string District, int Rank, decimal? Score, AwardTier? Tier, AwardTier? ComputedTier, string? OverrideReason);

public sealed record AllocationView(string DivisionCode, int RankedEntries, IReadOnlyList<AllocatedEntryView> Entries, IReadOnlyList<BoundaryTie> Ties, bool Decidable);

/// <summary>
/// A division's awards from a ranking: preview the allocation (quotas, ties at boundaries, overrides), then confirm it
/// as the decision that issues the certificates.
/// </summary>
public static class AllocateAwards
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static async Task<Results<Ok<AllocationView>, ProblemHttpResult>> Preview(
        Guid contestId, Guid roundId, string division, RankingForm request, IQuerySession session, CancellationToken cancellationToken)
    {
        var (allocation, refusal) = await Allocate(session, contestId, roundId, division, request, cancellationToken);
        return allocation is null ? refusal! : TypedResults.Ok(allocation.View);
    }

    public static async Task<Results<Ok<DivisionAwardsView>, ProblemHttpResult>> Decide(
        Guid contestId, Guid roundId, string division, RankingForm request, HttpContext httpContext, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var versionRefusal))
        {
            return versionRefusal!;
        }

        var (allocation, refusal) = await Allocate(session, contestId, roundId, division, request, cancellationToken);
        if (allocation is null)
        {
            return refusal!;
        }

        if (!allocation.View.Decidable)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, "award-ties-unresolved");
        }

        var decided = DecideAwards(allocation, Actor.From(httpContext.User), clock.GetUtcNow(), NewCertificateCode);
        var stream = await session.Events.FetchForWriting<RoundAwards>(RoundAwards.StreamFor(roundId), expectedVersion, cancellationToken);
        stream.AppendOne(decided);
        await session.SaveChangesAsync(cancellationToken);

        var updated = stream.Aggregate!.Apply(decided);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        var view = RoundAwardsView.From(allocation.Contest, allocation.Round, updated);
        return TypedResults.Ok(view.Divisions.Single(item => item.DivisionCode == allocation.View.DivisionCode));
    }

    /// <summary>The awarded entries of an allocation, each with what its certificate prints and a fresh certificate code.</summary>
    public static AwardsDecided DecideAwards(ComputedAllocation allocation, Actor actor, DateTimeOffset now, Func<string> newCode)
    {
        var division = allocation.Contest.Divisions.Single(item => item.Code == allocation.View.DivisionCode);
        var awards = allocation.View.Entries
            .Where(entry => entry.Tier is not null)
            .Select(entry =>
            {
                var team = allocation.Teams[entry.TeamId];
                return new DecidedAward(
                    team.Id, entry.Tier!.Value, entry.Rank, entry.Score, entry.ComputedTier, entry.OverrideReason, newCode(),
                    team.Name, team.School, team.District,
                    team.Members.Select(member => member.FullName).ToList(), team.Mentors.Select(mentor => mentor.FullName).ToList());
            })
            .ToList();
        return new AwardsDecided(
            allocation.Contest.Id, allocation.Round.Id, division.Code, allocation.Contest.Name, allocation.Contest.OrganisingBody, allocation.Round.Name,
            division.Name, allocation.View.RankedEntries, awards, actor, now);
    }

    /// <summary>100 random bits in Crockford's base 32, grouped by four: "7K2Q-…", easy to read out and impossible to guess.</summary>
    public static string NewCertificateCode()
    {
        var bytes = RandomNumberGenerator.GetBytes(20);
        var characters = bytes.Select(value => CodeAlphabet[value % 32]).ToArray();
        return string.Join('-', characters.Chunk(4).Select(chunk => new string(chunk)));
    }

    public sealed record ComputedAllocation(Contest Contest, RoundDefinition Round, IReadOnlyDictionary<Guid, Team> Teams, AllocationView View);

    private static async Task<(ComputedAllocation? Allocation, ProblemHttpResult? Refusal)> Allocate(
        IQuerySession session, Guid contestId, Guid roundId, string division, RankingForm request, CancellationToken cancellationToken)
    {
        var (contest, round, missing) = await AwardsAccess.Round(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return (null, missing);
        }

        var divisionCode = division.Trim().ToUpperInvariant();
        if (!contest!.HasDivision(divisionCode))
        {
            return (null, Problems.NotFound(RegistrationRule.UnknownDivision));
        }

        var awards = (await session.LoadAsync<RoundAwards>(RoundAwards.StreamFor(roundId), cancellationToken))?.Division(divisionCode);
        if (awards is null)
        {
            return (null, Problems.Refused(StatusCodes.Status409Conflict, "awards-not-configured"));
        }

        var entries = request.Entries is { Count: > 0 } given ? given : await JudgedRanking(session, contestId, round, divisionCode, cancellationToken);
        var teamIds = entries.Select(entry => entry.TeamId).OfType<Guid>().Distinct().ToList();
        var teams = (await session.LoadManyAsync<Team>(cancellationToken, teamIds))
            .Where(team => team.ContestId == contestId && team.DivisionCode == divisionCode && team.Status != TeamStatus.Withdrawn)
            .ToDictionary(team => team.Id);
        var violations = CheckRanking(entries, teams);
        if (violations.Count > 0)
        {
            return (null, Problems.Invalid(violations));
        }

        var ranking = entries.All(entry => entry.Rank is not null)
            ? entries.Select(entry => new RankedEntry(entry.TeamId!.Value, entry.Rank!.Value, entry.Score)).ToList()
            : AwardAllocation.RankByScore(entries.Select(entry => (entry.TeamId!.Value, entry.Score!.Value)));
        var allocation = AwardAllocation.Allocate(ranking, awards.Tiers, awards.ForAllocation());
        var view = new AllocationView(
            divisionCode,
            ranking.Count,
            allocation.Entries.Select(entry =>
            {
                var team = teams[entry.EntryId];
                return new AllocatedEntryView(team.Id, team.Name, team.School, team.District, entry.Rank, entry.Score, entry.Tier, entry.ComputedTier, entry.OverrideReason);
            }).ToList(),
            allocation.Ties,
            allocation.Decidable);
        return (new ComputedAllocation(contest, round, teams, view), null);
    }

    private static async Task<IReadOnlyList<RankingEntryForm>> JudgedRanking(
        IQuerySession session, Guid contestId, RoundDefinition round, string divisionCode, CancellationToken cancellationToken) =>
        round.Type != RoundType.JudgedSubmissions
            ? []
            : (await JudgingReads.RankedResults(session, contestId, round.Id, cancellationToken))
                .Where(result => result.Division == divisionCode)
                .Select(result => new RankingEntryForm(result.TeamId, result.Rank, result.Score))
                .ToList();

    private static List<RuleViolation> CheckRanking(IReadOnlyList<RankingEntryForm> entries, Dictionary<Guid, Team> teams)
    {
        var violations = new List<RuleViolation>();
        if (entries.Count == 0)
        {
            violations.Add(new RuleViolation("entries", "ranking-required"));
        }

        var seen = new HashSet<Guid>();
        var ranked = entries.All(entry => entry.Rank is not null);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            if (entry.TeamId is not { } teamId || !teams.ContainsKey(teamId))
            {
                violations.Add(new RuleViolation($"entries[{index}].teamId", "ranking-team-not-in-division"));
            }
            else if (!seen.Add(teamId))
            {
                violations.Add(new RuleViolation($"entries[{index}].teamId", "ranking-team-twice"));
            }

            if ((ranked && entry.Rank < 1) || (!ranked && entry.Score is null))
            {
                violations.Add(new RuleViolation($"entries[{index}]", "ranking-rank-or-score"));
            }
        }

        return violations;
    }
}
