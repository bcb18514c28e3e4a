using Contests.Domain.Matches;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Matches;

public sealed class GroupDrawTests
{
    private static readonly string[] Districts = ["TP Bắc Giang", "Việt Yên", "Hiệp Hòa", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Tân Yên"];

    private static List<DrawTeam> Seeded(int count, Func<int, string> district, Func<int, string>? school = null) =>
        Enumerable.Range(0, count)
            .Select(index => new DrawTeam(new Guid(index + 1, 0, 0, new byte[8]), school?.Invoke(index) ?? $"Trường {index}", district(index)))
            .ToList();

    [Fact]
    public void top_seeds_head_the_groups_and_groups_differ_in_size_by_at_most_one()
    {
        var teams = Seeded(30, index => Districts[index % Districts.Length]);

        var drawn = GroupDraw.Draw(teams, 8, seed: 7);

        Assert.Equal(teams.Take(8).Select(team => team.TeamId), drawn.Groups.Select(group => group[0]));
        Assert.Equal([4, 4, 4, 4, 4, 4, 3, 3], drawn.Groups.Select(group => group.Count).OrderDescending());
        Assert.Equal(30, drawn.Groups.SelectMany(group => group).Distinct().Count());
    }

    [Fact]
    public void teams_of_one_district_are_spread_across_groups_when_the_numbers_allow()
    {
        // 16 teams from 4 districts, 4 per district, into 4 groups: every group can hold one of each district.
        var teams = Seeded(16, index => Districts[index / 4]);

        var drawn = GroupDraw.Draw(teams, 4, seed: 1);

        Assert.Equal(0, drawn.SameDistrictPairs);
        var districtOf = teams.ToDictionary(team => team.TeamId, team => team.District);
        Assert.All(drawn.Groups, group => Assert.Equal(4, group.Select(team => districtOf[team]).Distinct().Count()));
    }

    [Fact]
    public void teams_of_one_school_are_kept_apart_before_teams_of_one_district()
    {
        // Everyone is from one district; two schools send four teams each.
        var teams = Seeded(8, _ => "Việt Yên", index => index % 2 == 0 ? "THCS Bích Động" : "THCS Nếnh");

        var drawn = GroupDraw.Draw(teams, 4, seed: 3);

        Assert.Equal(0, drawn.SameSchoolPairs);
        Assert.Equal(4, drawn.SameDistrictPairs);
    }

    [Property]
    public Property the_same_seed_gives_the_same_groups(PositiveInt seed) =>
        Prop.ForAll(Gen.Choose(2, 40).ToArbitrary(), count =>
        {
            var teams = Seeded(count, index => Districts[(index * 7) % Districts.Length]);
            var groups = Math.Max(1, count / 4);
            var first = GroupDraw.Draw(teams, groups, seed.Get);
            var second = GroupDraw.Draw(teams, groups, seed.Get);
            return first.Groups.Zip(second.Groups).All(pair => pair.First.SequenceEqual(pair.Second))
                && first.Groups.Sum(group => group.Count) == count;
        });
}

public sealed class RoundRobinTests
{
    [Property]
    public Property every_pair_meets_exactly_once_and_nobody_plays_twice_in_a_round() =>
        Prop.ForAll(Gen.Choose(2, 12).ToArbitrary(), count =>
        {
            var teams = Enumerable.Range(1, count).Select(index => new Guid(index, 0, 0, new byte[8])).ToList();
            var pairings = RoundRobin.Pairings(teams);
            var pairs = pairings.Select(pairing => (Min(pairing.Red, pairing.Blue), Max(pairing.Red, pairing.Blue))).ToList();
            return pairs.Count == count * (count - 1) / 2
                && pairs.Distinct().Count() == pairs.Count
                && pairings.GroupBy(pairing => pairing.Round).All(round =>
                    round.SelectMany(pairing => new[] { pairing.Red, pairing.Blue }).Distinct().Count() == round.Count() * 2);
        });

    [Fact]
    public void sides_alternate_so_no_team_is_always_red()
    {
        var teams = Enumerable.Range(1, 6).Select(index => new Guid(index, 0, 0, new byte[8])).ToList();
        var pairings = RoundRobin.Pairings(teams);

        Assert.All(teams, team => Assert.InRange(pairings.Count(pairing => pairing.Red == team), 1, 4));
    }

    private static Guid Min(Guid a, Guid b) => a.CompareTo(b) <= 0 ? a : b;

    private static Guid Max(Guid a, Guid b) => a.CompareTo(b) <= 0 ? b : a;
}
