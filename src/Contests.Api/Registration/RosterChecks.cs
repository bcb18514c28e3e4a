using Marten;
using Marten.Linq.MatchesSql;

namespace Contests.Api.Registration;

/// <summary>Checks of one team against the rest of its contest's roster.</summary>
public static class RosterChecks
{
    /// <summary>Which of these member keys already belong to another team of the contest.</summary>
    public static async Task<IReadOnlySet<string>> MembersInOtherTeams(
        IQuerySession session, Guid contestId, Guid teamId, IReadOnlyCollection<string> memberKeys, CancellationToken cancellationToken)
    {
        if (memberKeys.Count == 0)
        {
            return new HashSet<string>();
        }

        var keys = memberKeys.ToArray();
        // jsonb's ?| operator ("has any of these keys") clashes with Marten's default ? placeholder, hence ^; one
        // placeholder per key because an array parameter would be sent as text.
        // The expression matches the GIN index Marten builds for Team.MemberKeys (see Hosting), so the lookup uses it.
        var anyOfKeys = $"CAST(d.data ->> 'MemberKeys' as jsonb) ?| array[{string.Join(", ", keys.Select(_ => "^::text"))}]";
        var others = await session.Query<Team>()
            .Where(team => team.ContestId == contestId && team.Id != teamId && team.MatchesSql('^', anyOfKeys, keys.Cast<object>().ToArray()))
            .Select(team => team.MemberKeys)
            .ToListAsync(cancellationToken);
        return others.SelectMany(found => found).Intersect(keys).ToHashSet();
    }
}
