using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

public sealed record RosterCount(string Key, int Teams, int People);

/// <summary>How registration stands: totals per district, division and status, withdrawn teams counted apart.</summary>
public sealed record RosterSummary(
    int Teams, int People, int Flagged, IReadOnlyList<RosterCount> ByDistrict, IReadOnlyList<RosterCount> ByDivision, IReadOnlyList<RosterCount> ByStatus)
{
    public static async Task<Results<Ok<RosterSummary>, ProblemHttpResult>> Handle(Guid contestId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        var teams = await session.Query<Team>().Where(team => team.ContestId == contestId).ToListAsync(cancellationToken);
        var active = teams.Where(team => team.Status != TeamStatus.Withdrawn).ToList();
        IReadOnlyList<RosterCount> CountBy(IEnumerable<string> keys, Func<Team, string> key, IEnumerable<Team> from) =>
            keys.Select(name => from.Where(team => key(team) == name).ToList())
                .Zip(keys, (group, name) => new RosterCount(name, group.Count, group.Sum(team => team.People)))
                .ToList();

        return TypedResults.Ok(new RosterSummary(
            active.Count,
            active.Sum(team => team.People),
            active.Count(team => team.Flags.Count > 0),
            CountBy(contest.Districts.Order(VietnameseText.Collation).ToList(), team => team.District, active),
            CountBy(contest.Divisions.Select(division => division.Code).ToList(), team => team.DivisionCode, active),
            CountBy(Enum.GetNames<TeamStatus>(), team => team.Status.ToString(), teams)));
    }
}
