using Contests.Domain.Matches;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Matches;

public sealed class TimetableTests
{
    private static readonly DateTimeOffset EightAm = new(2024, 8, 10, 8, 0, 0, TimeSpan.FromHours(7));

    private static TimetableSettings Settings(int fields, int minRest = 0, int slotMinutes = 5, DateTimeOffset? endsBy = null, int seed = 1) =>
        new(Enumerable.Range(1, fields).Select(index => $"Sân {index}").ToList(), EightAm, slotMinutes, 3, minRest, endsBy, seed);

    private static List<MatchToPlace> Groups(int groups, int size)
    {
        var matches = new List<MatchToPlace>();
        for (var group = 0; group < groups; group++)
        {
            var teams = Enumerable.Range(0, size).Select(index => new Guid(group * 100 + index + 1, 0, 0, new byte[8])).ToList();
            matches.AddRange(RoundRobin.Pairings(teams).Select((pairing, index) =>
                new MatchToPlace($"{GroupDraw.GroupName(group)}{index + 1}", [pairing.Red, pairing.Blue], pairing.Round, [])));
        }

        return matches;
    }

    [Fact]
    public void two_groups_on_one_field_never_play_a_team_twice_in_a_row()
    {
        var timetable = Timetables.Lay(Groups(2, 4), Settings(1));

        Assert.Equal(12, timetable.Placed.Count);
        Assert.Empty(timetable.Unmet);
        Assert.Equal(EightAm.AddMinutes(55), timetable.Placed.Max(match => match.StartsAt));
    }

    [Fact]
    public void a_lone_group_of_three_on_one_field_reports_the_back_to_back_it_cannot_avoid()
    {
        var timetable = Timetables.Lay(Groups(1, 3), Settings(1));

        Assert.Equal(3, timetable.Placed.Count);
        Assert.Contains(timetable.Unmet, unmet => unmet.Rule == Timetables.BackToBack);
    }

    [Fact]
    public void minimum_rest_keeps_a_team_off_the_field_long_enough_even_if_a_field_waits()
    {
        var timetable = Timetables.Lay(Groups(1, 3), Settings(1, minRest: 10));

        var starts = timetable.Placed.OrderBy(match => match.StartsAt).Select(match => (match.StartsAt - EightAm).TotalMinutes).ToList();
        Assert.Equal([0, 15, 30], starts);
        Assert.Empty(timetable.Unmet);
    }

    [Fact]
    public void a_day_that_ends_too_late_is_reported()
    {
        var timetable = Timetables.Lay(Groups(2, 4), Settings(1, endsBy: EightAm.AddMinutes(30)));

        Assert.Equal(Timetables.Overruns, Assert.Single(timetable.Unmet).Rule);
    }

    [Fact]
    public void a_knockout_match_waits_for_the_matches_that_feed_it_and_the_rest_after_them()
    {
        MatchToPlace[] matches =
        [
            new("SF1", [], 1, []), new("SF2", [], 1, []), new("F", [], 2, ["SF1", "SF2"]),
        ];

        var timetable = Timetables.Lay(matches, Settings(2, minRest: 10));

        var final = timetable.Placed.Single(match => match.Code == "F");
        Assert.Equal(EightAm.AddMinutes(15), final.StartsAt);
    }

    private static Gen<(int Groups, int Size, int Fields, int MinRest, int Seed)> Setups() =>
        from groups in Gen.Choose(1, 6)
        from size in Gen.Choose(3, 5)
        from fields in Gen.Choose(1, 4)
        from rest in Gen.Choose(0, 15)
        from seed in Gen.Choose(0, 1000)
        select (groups, size, fields, rest, seed);

    [Property(MaxTest = 60)]
    public Property every_match_is_placed_once_no_team_plays_twice_at_once_and_rest_is_respected() =>
        Prop.ForAll(Setups().ToArbitrary(), setup =>
        {
            var matches = Groups(setup.Groups, setup.Size);
            var settings = Settings(setup.Fields, setup.MinRest, seed: setup.Seed);
            var timetable = Timetables.Lay(matches, settings);
            var teamsOf = matches.ToDictionary(match => match.Code, match => match.Teams);
            var placedOnce = timetable.Placed.Select(match => match.Code).Order().SequenceEqual(matches.Select(match => match.Code).Order());
            var fieldsFree = timetable.Placed.GroupBy(match => (match.Field, match.StartsAt)).All(slot => slot.Count() == 1);
            var rested = timetable.Placed.SelectMany(match => teamsOf[match.Code].Select(team => (team, match.StartsAt)))
                .GroupBy(entry => entry.team)
                .All(team => team.Select(entry => entry.StartsAt).Order().Zip(team.Select(entry => entry.StartsAt).Order().Skip(1))
                    .All(pair => (pair.Second - pair.First).TotalMinutes - 3 >= setup.MinRest));
            return placedOnce && fieldsFree && rested;
        });

    [Property(MaxTest = 30)]
    public Property the_same_seed_gives_the_same_timetable() =>
        Prop.ForAll(Setups().ToArbitrary(), setup =>
        {
            var matches = Groups(setup.Groups, setup.Size);
            var settings = Settings(setup.Fields, setup.MinRest, seed: setup.Seed);
            return Timetables.Lay(matches, settings).Placed.SequenceEqual(Timetables.Lay(matches, settings).Placed);
        });

    [Fact]
    public void a_delay_moves_the_fields_unplayed_matches_and_reports_teams_left_without_rest()
    {
        var team = Guid.NewGuid();
        TimedMatch[] matches =
        [
            new("A1", "Sân 1", EightAm, [team, Guid.NewGuid()], Done: true),
            new("A2", "Sân 1", EightAm.AddMinutes(10), [Guid.NewGuid(), Guid.NewGuid()], Done: false),
            new("A3", "Sân 1", EightAm.AddMinutes(20), [team, Guid.NewGuid()], Done: false),
            new("B1", "Sân 2", EightAm.AddMinutes(35), [team, Guid.NewGuid()], Done: false),
        ];

        var (shifted, unmet) = FieldDelays.Shift(matches, "Sân 1", 10, matchMinutes: 3, minRestMinutes: 5);

        Assert.Equal([0, 20, 30, 35], shifted.Select(match => (match.StartsAt - EightAm).TotalMinutes));
        var tooShort = Assert.Single(unmet);
        Assert.Equal((Timetables.RestTooShort, "B1", team), (tooShort.Rule, tooShort.Match, tooShort.Team!.Value));
    }
}
