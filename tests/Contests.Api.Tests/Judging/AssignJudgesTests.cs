using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Judging;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class AssignJudgesTests(AppFixture app)
{
    private static readonly string[] SixTeams = ["Việt Yên", "Việt Yên", "Việt Yên", "Lục Nam", "Lục Nam", "Lục Nam"];

    private static readonly JudgeSpec[] FourJudges =
    [
        new("GK Việt Yên", ["Việt Yên"]), new("GK Lục Nam", ["Lục Nam"]), new("GK Một"), new("GK Hai"),
    ];

    [Fact]
    public async Task a_plan_gives_every_entry_k_judges_none_from_its_district_with_even_loads()
    {
        var world = await app.ScoringWorld(SixTeams, FourJudges, judgesPerEntry: 2, plan: false);

        var plan = await app.Plan(world, 0, seed: 7);

        Assert.Equal((1L, 7, 2), (plan.Version, plan.Seed, plan.JudgesPerEntry));
        Assert.Empty(plan.Shortfalls);
        foreach (var team in world.Teams)
        {
            Assert.Equal(2, plan.Assignments.Count(assignment => assignment.EntryId == world.EntryOf(team) && assignment.TeamId == team.Id));
        }

        var vietYenJudge = world.Judges[0];
        var lucNamJudge = world.Judges[1];
        Assert.DoesNotContain(plan.Assignments, assignment => assignment.JudgeId == vietYenJudge.Id && world.Teams.Take(3).Any(team => world.EntryOf(team) == assignment.EntryId));
        Assert.DoesNotContain(plan.Assignments, assignment => assignment.JudgeId == lucNamJudge.Id && world.Teams.Skip(3).Any(team => world.EntryOf(team) == assignment.EntryId));
        Assert.All(plan.Loads, load => Assert.Equal(3, load.Entries));
        Assert.Equal(4, plan.Loads.Count);
    }

    [Fact]
    public async Task the_same_seed_plans_the_same_way_and_the_plan_is_what_organisers_read()
    {
        var world = await app.ScoringWorld(SixTeams, FourJudges, judgesPerEntry: 2, plan: false);

        var first = await app.Plan(world, 0, seed: 42);
        var again = await app.Plan(world, 1, seed: 42);

        Assert.Equal(first.Assignments, again.Assignments);
        Assert.Equal(again.Assignments, (await app.Assignments(world)).Assignments);
        await app.Change(HttpMethod.Post, $"{world.Round}/assignments", new { seed = 1 }, Roles.Organiser, "\"1\"", 412);
        await app.Change(HttpMethod.Post, $"{world.Round}/assignments", new { seed = 1 }, Roles.Organiser, null, 428);
    }

    [Fact]
    public async Task entries_short_of_judges_are_explained()
    {
        var world = await app.ScoringWorld(["Việt Yên", "Lục Nam"], [new("GK Việt Yên", ["Việt Yên"]), new("GK Một")], judgesPerEntry: 3, plan: false);

        var plan = await app.Plan(world, 0);

        var vietYen = plan.Shortfalls.Single(shortfall => shortfall.EntryId == world.EntryOf(world.Teams[0]));
        Assert.Equal((3, 1, 2, ShortfallReason.TooFewJudgesInPanel), (vietYen.Wanted, vietYen.Assigned, vietYen.JudgesInPanel, vietYen.Reason));
        Assert.Equal([new Conflict(world.Judges[0].Id, ConflictKind.District, "Việt Yên")], vietYen.Conflicts);
        Assert.Equal(2, plan.Shortfalls.Single(shortfall => shortfall.EntryId == world.EntryOf(world.Teams[1])).Assigned);
    }

    [Fact]
    public async Task a_hand_addition_is_refused_on_a_conflict_of_interest_and_kept_by_the_next_plan_and_a_removal_too()
    {
        var world = await app.ScoringWorld(["Việt Yên", "Lục Nam"], [new("GK Việt Yên", ["Việt Yên"]), new("GK Một"), new("GK Hai")], judgesPerEntry: 1);
        var vietYenEntry = world.EntryOf(world.Teams[0]);
        var current = await app.Assignments(world);
        var free = world.Judges.Skip(1).First(judge => current.Assignments.All(assignment => assignment.EntryId != vietYenEntry || assignment.JudgeId != judge.Id));

        var conflict = await app.Change(HttpMethod.Post, $"{world.Round}/assignments/{vietYenEntry}/judges", new { judgeId = world.Judges[0].Id }, Roles.Organiser, "\"1\"", 409);
        var problem = await conflict.Problem();
        Assert.Equal("assignment-conflict-of-interest", problem.Code);
        Assert.Contains("Việt Yên", problem.Title);
        var added = await app.Change(
            HttpMethod.Post, $"{world.Round}/assignments/{vietYenEntry}/judges", new { judgeId = free.Id, reason = "Thêm người chấm" }, Roles.Organiser, "\"1\"", 200);
        Assert.Contains(new AssignedEntry(vietYenEntry, world.Teams[0].Id, free.Id), (await added.ReadAsJsonAsync<RoundAssignmentsView>())!.AddedByHand);
        await app.Change(HttpMethod.Post, $"{world.Round}/assignments/{vietYenEntry}/judges", new { judgeId = free.Id }, Roles.Organiser, "\"2\"", 409);

        var replanned = await app.Plan(world, 2, seed: 99);

        Assert.Contains(replanned.Assignments, assignment => assignment.EntryId == vietYenEntry && assignment.JudgeId == free.Id);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Send(HttpMethod.Get, world.Scoring(vietYenEntry), world.SessionOf(free))).StatusCode);
        var removed = await app.Change(HttpMethod.Delete, $"{world.Round}/assignments/{vietYenEntry}/judges/{free.Id}?reason=Nhầm", null, Roles.Organiser, "\"3\"", 200);
        Assert.DoesNotContain((await removed.ReadAsJsonAsync<RoundAssignmentsView>())!.Assignments, assignment => assignment.EntryId == vietYenEntry && assignment.JudgeId == free.Id);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await app.Send(HttpMethod.Get, world.Scoring(vietYenEntry), world.SessionOf(free))).StatusCode);
        await app.Change(HttpMethod.Delete, $"{world.Round}/assignments/{vietYenEntry}/judges/{free.Id}", null, Roles.Organiser, "\"4\"", 404);
        foreach (var seed in new[] { 99, 1, 2 })
        {
            var again = await app.Plan(world, (await app.Assignments(world)).Version, seed);
            Assert.DoesNotContain(again.Assignments, assignment => assignment.EntryId == vietYenEntry && assignment.JudgeId == free.Id);
            Assert.Contains(new AssignedEntry(vietYenEntry, world.Teams[0].Id, free.Id), again.RemovedByHand);
        }
    }

    [Theory]
    [InlineData(Roles.Judge)]
    [InlineData(Roles.HeadJudge)]
    [InlineData(Roles.Team)]
    public async Task only_organisers_assign_judges(string role)
    {
        var judged = await app.CreateJudgedContest();

        await app.Change(HttpMethod.Post, $"{judged.Round}/assignments", new { }, role, "\"0\"", 403);
        await app.Get($"{judged.Round}/assignments", role, 403);
        await app.Change(HttpMethod.Post, $"{judged.Round}/judging/lock", new { }, role, "\"0\"", 403);
    }

    [Fact]
    public async Task a_match_round_has_no_assignments()
    {
        var judged = await app.CreateJudgedContest();

        await app.Get($"/api/contests/{judged.Contest.Id}/rounds/{judged.MatchRound}/assignments", Roles.Organiser, 409);
        await app.Get($"/api/contests/{judged.Contest.Id}/rounds/{Guid.NewGuid()}/assignments", Roles.Organiser, 404);
    }
}
