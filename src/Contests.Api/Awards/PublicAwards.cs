using Contests.Api.Rounds;
using Contests.Domain.Awards;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Awards;

/// <summary>One award as the public list shows it: the prize and the team, not the certificate's code, which stays with the team.</summary>
public sealed record PublicAward(AwardTier Tier, string TierName, string TeamName, string School, string District, IReadOnlyList<string> MemberNames);

public sealed record PublicDivisionAwards(string DivisionCode, string DivisionName, IReadOnlyList<PublicAward> Awards);

/// <summary>
/// A round's confirmed awards for everyone, once the round's results are public; before that only when they will be
/// (<c>Published</c> false, no awards), so that nobody learns a result early from this list.
/// </summary>
public sealed record PublicAwardsView(
    Guid ContestId, Guid RoundId, string ContestName, string RoundName, bool Published, DateTimeOffset? PublishAt, IReadOnlyList<PublicDivisionAwards> Divisions);

public static class PublicAwards
{
    public static async Task<Results<Ok<PublicAwardsView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contest, round, missing) = await AwardsAccess.Round(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return missing!;
        }

        var publication = await RoundPublication.Of(session, round, clock.GetUtcNow(), cancellationToken);
        var awards = publication.Published ? await session.LoadAsync<RoundAwards>(RoundAwards.StreamFor(roundId), cancellationToken) : null;
        var divisions = awards is null ? [] : contest!.Divisions
            .Select(division => (division, decision: awards.Division(division.Code)?.Decision))
            .Where(pair => pair.decision is not null)
            .Select(pair => new PublicDivisionAwards(pair.division.Code, pair.division.Name, pair.decision!.Awards
                .OrderBy(award => award.Tier).ThenBy(award => award.Rank).ThenBy(award => award.TeamName, VietnameseText.Collation)
                .Select(award => new PublicAward(award.Tier, AwardNames.Vietnamese(award.Tier), award.TeamName, award.School, award.District, award.MemberNames))
                .ToList()))
            .ToList();
        return TypedResults.Ok(new PublicAwardsView(contestId, roundId, contest!.Name, round.Name, publication.Published, publication.PublishAt, divisions));
    }
}
