using Contests.Api.Awards;
using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain.Awards;
using Marten;

namespace Contests.Api.Exports;

/// <summary>
/// The district summary's columns that come after registration: entries submitted, teams advanced and awards decided,
/// over the contest's rounds (or the round asked for), each counted in the district of its team.
/// </summary>
public static class DistrictResultCounts
{
    /// <summary>Entries with at least one revision submitted in the judged rounds.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> Submitted(ExportRequest request, CancellationToken cancellationToken)
    {
        var rounds = Rounds(request).Where(round => round.Type == RoundType.JudgedSubmissions).Select(round => round.Id).ToList();
        var entries = await request.Session.Query<Entry>().Where(entry => entry.RoundId.IsOneOf(rounds)).ToListAsync(cancellationToken);
        return await PerDistrict(request, entries.Where(entry => entry.Revisions.Count > 0).Select(entry => entry.TeamId), cancellationToken);
    }

    /// <summary>Advancements from each round that stand (published and not reversed).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> Advanced(ExportRequest request, CancellationToken cancellationToken)
    {
        var advancements = await request.Session.LoadManyAsync<RoundAdvancement>(cancellationToken, Rounds(request).Select(round => RoundAdvancement.IdFor(round.Id)));
        return await PerDistrict(request, advancements.SelectMany(advancement => advancement.Advanced.Select(team => team.TeamId)), cancellationToken);
    }

    /// <summary>A count of one award tier in the confirmed award lists.</summary>
    public static CountPerDistrict Awards(AwardTier tier) => async (request, cancellationToken) =>
    {
        var awards = await request.Session.LoadManyAsync<RoundAwards>(cancellationToken, Rounds(request).Select(round => RoundAwards.StreamFor(round.Id)));
        return await PerDistrict(
            request,
            awards.SelectMany(round => round.Divisions).SelectMany(division => division.Decision?.Awards ?? []).Where(award => award.Tier == tier).Select(award => award.TeamId),
            cancellationToken);
    };

    private static IEnumerable<RoundDefinition> Rounds(ExportRequest request) =>
        request.Contest.Rounds.Where(round => request.RoundId is null || round.Id == request.RoundId);

    private static async Task<IReadOnlyDictionary<string, int>> PerDistrict(ExportRequest request, IEnumerable<Guid> teamIds, CancellationToken cancellationToken)
    {
        var ids = teamIds.ToList();
        var districts = (await request.Session.Query<Team>().Where(team => team.ContestId == request.Contest.Id).Select(team => new { team.Id, team.District }).ToListAsync(cancellationToken))
            .ToDictionary(team => team.Id, team => team.District);
        return ids.Where(districts.ContainsKey).GroupBy(id => districts[id], StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
    }
}
