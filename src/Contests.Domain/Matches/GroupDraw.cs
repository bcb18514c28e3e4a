using Contests.Domain.Text;

namespace Contests.Domain.Matches;

/// <summary>A team to draw, in seed order, with what should be spread across groups.</summary>
public sealed record DrawTeam(Guid TeamId, string School, string District);

/// <summary>The groups, each in seed order, and how many same-school or same-district pairs could not be avoided.</summary>
public sealed record DrawnGroups(IReadOnlyList<IReadOnlyList<Guid>> Groups, int SameSchoolPairs, int SameDistrictPairs);

public static class GroupDraw
{
    private const int Attempts = 64;

    public static string GroupName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>
    /// Seeded draw: the teams are cut into pots of one team per group in seed order (the top seeds head the groups),
    /// and each later pot is dealt so that teams of one school, then of one district, meet in a group as rarely as the
    /// numbers allow. Several deals are tried from <paramref name="seed"/> and the one with fewest clashes kept, so the
    /// same seed always gives the same groups.
    /// </summary>
    public static DrawnGroups Draw(IReadOnlyList<DrawTeam> seeded, int groupCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groupCount, 1);
        var random = new Random(seed);
        DrawnGroups? best = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var dealt = Deal(seeded, groupCount, random);
            if (best is null || Cost(dealt) < Cost(best))
            {
                best = dealt;
            }
        }

        return best!;
    }

    private static int Cost(DrawnGroups groups) => (groups.SameSchoolPairs * 100) + groups.SameDistrictPairs;

    private static DrawnGroups Deal(IReadOnlyList<DrawTeam> seeded, int groupCount, Random random)
    {
        var groups = Enumerable.Range(0, groupCount).Select(_ => new List<DrawTeam>()).ToList();
        for (var start = 0; start < seeded.Count; start += groupCount)
        {
            var pot = seeded.Skip(start).Take(groupCount).ToList();
            if (start == 0)
            {
                for (var index = 0; index < pot.Count; index++)
                {
                    groups[index].Add(pot[index]);
                }

                continue;
            }

            var open = Enumerable.Range(0, groupCount).OrderBy(_ => random.Next()).ToList();
            foreach (var team in pot.OrderBy(_ => random.Next()))
            {
                var smallest = open.Min(index => groups[index].Count);
                var chosen = open.Where(index => groups[index].Count == smallest)
                    .OrderBy(index => groups[index].Sum(member => Clash(member, team)))
                    .First();
                groups[chosen].Add(team);
                open.Remove(chosen);
            }
        }

        var schoolPairs = groups.Sum(group => Pairs(group, (a, b) => SameSchool(a, b)));
        var districtPairs = groups.Sum(group => Pairs(group, (a, b) => VietnameseText.SameName(a.District, b.District)));
        IReadOnlyList<IReadOnlyList<Guid>> ordered = groups
            .Select(group => (IReadOnlyList<Guid>)group.OrderBy(team => IndexOf(seeded, team)).Select(team => team.TeamId).ToList())
            .ToList();
        return new DrawnGroups(ordered, schoolPairs, districtPairs);
    }

    private static int IndexOf(IReadOnlyList<DrawTeam> seeded, DrawTeam team)
    {
        for (var index = 0; index < seeded.Count; index++)
        {
            if (seeded[index].TeamId == team.TeamId)
            {
                return index;
            }
        }

        return -1;
    }

    private static bool SameSchool(DrawTeam a, DrawTeam b) =>
        !string.IsNullOrWhiteSpace(a.School) && VietnameseText.SameName(a.School, b.School) && VietnameseText.SameName(a.District, b.District);

    private static int Clash(DrawTeam member, DrawTeam team) =>
        (SameSchool(member, team) ? 100 : 0) + (VietnameseText.SameName(member.District, team.District) ? 1 : 0);

    private static int Pairs(List<DrawTeam> group, Func<DrawTeam, DrawTeam, bool> same)
    {
        var pairs = 0;
        for (var first = 0; first < group.Count; first++)
        {
            for (var second = first + 1; second < group.Count; second++)
            {
                pairs += same(group[first], group[second]) ? 1 : 0;
            }
        }

        return pairs;
    }
}

public sealed record Pairing(Guid Red, Guid Blue, int Round);

public static class RoundRobin
{
    /// <summary>
    /// Every pair of teams once (circle method): with n teams, n−1 rounds (n rounds when n is odd, one team resting
    /// each round), sides alternating so that each team plays red and blue about equally.
    /// </summary>
    public static IReadOnlyList<Pairing> Pairings(IReadOnlyList<Guid> teams)
    {
        var circle = teams.ToList();
        if (circle.Count % 2 == 1)
        {
            circle.Add(Guid.Empty);
        }

        var pairings = new List<Pairing>();
        var count = circle.Count;
        for (var round = 0; round < count - 1; round++)
        {
            for (var index = 0; index < count / 2; index++)
            {
                var home = circle[index];
                var away = circle[count - 1 - index];
                if (home == Guid.Empty || away == Guid.Empty)
                {
                    continue;
                }

                var swap = index == 0 ? round % 2 == 1 : index % 2 == 1;
                pairings.Add(swap ? new Pairing(away, home, round + 1) : new Pairing(home, away, round + 1));
            }

            // Keep the first team fixed and rotate the rest by one.
            var last = circle[count - 1];
            circle.RemoveAt(count - 1);
            circle.Insert(1, last);
        }

        return pairings;
    }
}
