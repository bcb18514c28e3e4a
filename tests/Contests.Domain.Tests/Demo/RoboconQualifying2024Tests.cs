using Contests.Domain.Demo;
using Contests.Domain.Entries;

namespace Contests.Domain.Tests.Demo;

public sealed class RoboconQualifying2024Tests
{
    private static readonly IReadOnlyList<string> Codes = Enumerable.Range(0, BacGiangRobocon2024.TeamCount).Select(index => $"T{index:D4}").ToList();

    [Fact]
    public void most_teams_submit_within_the_window_or_its_grace_period_in_order()
    {
        var entries = RoboconQualifying2024.Entries(Codes);
        var locks = RoboconQualifying2024.ClosesAt.AddMinutes(RoboconQualifying2024.GraceMinutes);

        Assert.InRange(entries.Count(revisions => revisions.Count > 0), 380, 420);
        Assert.All(entries.SelectMany(revisions => revisions), revision =>
        {
            Assert.InRange(revision.LocalTime, RoboconQualifying2024.OpensAt, locks.AddSeconds(-1));
            Assert.True(EntryRules.IsVideoLink(revision.VideoLink));
        });
        Assert.All(entries, revisions => Assert.True(revisions.Zip(revisions.Skip(1), (earlier, later) => earlier.LocalTime <= later.LocalTime).All(ordered => ordered)));
        Assert.Contains(entries, revisions => revisions.Count > 1);
        Assert.Contains(entries, revisions => revisions.Count > 0 && revisions[^1].LocalTime >= RoboconQualifying2024.ClosesAt);
    }

    [Fact]
    public void every_run_produces_the_same_entries() =>
        Assert.Equal(
            RoboconQualifying2024.Entries(Codes).SelectMany(revisions => revisions),
            RoboconQualifying2024.Entries(Codes).SelectMany(revisions => revisions));
}
