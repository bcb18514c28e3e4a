using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;
using Contests.Domain;
using Contests.Domain.Registration;

namespace Contests.Api.Tests.Contests;

[Collection(AppCollection.Name)]
public sealed class SetRegistrationRulesTests(AppFixture app)
{
    private DateTime LocalNow => VietnamTime.ToLocal(app.Clock.GetUtcNow());

    private static object Rules(DateTime opensAt, DateTime closesAt, object? grades = null, int maxMembers = 10, bool severalTeams = false) => new
    {
        opensAt = opensAt.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        closesAt = closesAt.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        minMembers = 1,
        maxMembers,
        minMentors = 0,
        maxMentors = 3,
        memberMayJoinSeveralTeams = severalTeams,
        grades = grades ?? Array.Empty<object>(),
    };

    private Task<IScenarioResult> SetRules(Guid contestId, long version, object rules, int expectedStatus, string role = Roles.Organiser) =>
        app.Change(HttpMethod.Put, $"/api/contests/{contestId}/registration-rules", rules, role, $"\"{version}\"", expectedStatus);

    private Task<IScenarioResult> Register(Guid contestId, TeamForm team, int expectedStatus, SignedInSession? session = null) =>
        app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(team).ToUrl($"/api/contests/{contestId}/teams");
            session?.Apply(scenario);
            scenario.StatusCodeShouldBe(expectedStatus);
        });

    [Fact]
    public async Task an_organiser_sets_the_window_in_local_time_and_the_rules_and_gets_a_new_version()
    {
        var contest = await app.CreateContest();
        var result = await SetRules(contest.Id, 1, Rules(new DateTime(2024, 5, 1, 8, 0, 0), new DateTime(2024, 5, 20, 17, 0, 0), maxMembers: 4), 200);

        var view = (await result.ReadAsJsonAsync<ContestView>())!;
        Assert.Equal(2, view.Version);
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 10, 0, 0, TimeSpan.Zero), view.Window!.ClosesAt);
        Assert.Equal(4, view.Rules.TeamSize.MaxMembers);
    }

    [Fact]
    public async Task registration_is_accepted_one_second_before_closing_and_refused_at_closing()
    {
        var contest = await app.CreateContest();
        await SetRules(contest.Id, 1, Rules(LocalNow.AddDays(-1), LocalNow.AddSeconds(1)), 200);

        await Register(contest.Id, Requests.Team("Đội Kịp Giờ"), 201);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await Register(contest.Id, Requests.Team("Đội Trễ Giờ"), 409);

        Assert.Equal("registration-closed", (await late.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task registration_before_the_window_opens_is_refused_but_an_organiser_may_enter_a_late_form()
    {
        var contest = await app.CreateContest();
        await SetRules(contest.Id, 1, Rules(LocalNow.AddHours(1), LocalNow.AddDays(10)), 200);

        var early = await Register(contest.Id, Requests.Team("Đội Sớm"), 409);
        Assert.Equal("registration-not-open", (await early.ReadAsJsonAsync<ProblemBody>())!.Code);
        await Register(contest.Id, Requests.Team("Đội Nhập Hộ Sớm"), 201, await app.SessionFor(Roles.Organiser));
    }

    [Fact]
    public async Task a_student_already_in_another_team_is_refused()
    {
        var contest = await app.CreateContest();
        await Register(contest.Id, Requests.Team("Đội Thứ Nhất"), 201);

        var second = Requests.Team("Đội Thứ Hai") with
        {
            Members = [Requests.Team("Đội Thứ Nhất").Members![0] with { FullName = "NGUYỄN VĂN AN".Normalize(System.Text.NormalizationForm.FormD) }],
        };
        var result = await Register(contest.Id, second, 422);

        Assert.Equal(["member-in-another-team"], (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!["members[0].fullName"]);
    }

    [Fact]
    public async Task tightened_rules_flag_existing_teams_and_relaxed_rules_clear_them()
    {
        var contest = await app.CreateContest();
        await Register(contest.Id, Requests.Team("Đội Lớp Tám"), 201);
        var window = (Opens: LocalNow.AddDays(-1), Closes: LocalNow.AddDays(5));

        await SetRules(contest.Id, 1, Rules(window.Opens, window.Closes, new[] { new { divisionCode = "THCS", minGrade = 9, maxGrade = 9 } }), 200);
        var flagged = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams");
        Assert.True(Assert.Single(flagged!).Flagged);

        await SetRules(contest.Id, 2, Rules(window.Opens, window.Closes, new[] { new { divisionCode = "THCS", minGrade = 6, maxGrade = 9 } }), 200);
        var cleared = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contest.Id}/teams");
        Assert.False(Assert.Single(cleared!).Flagged);
    }

    [Fact]
    public async Task a_member_field_the_contest_requires_must_be_filled_in()
    {
        var contest = await app.CreateContest();
        await SetRules(contest.Id, 1, new { opensAt = LocalNow.AddDays(-1), closesAt = LocalNow.AddDays(1), requiredMemberFields = new[] { "Phone" } }, 200);

        var result = await Register(contest.Id, Requests.Team("Đội Thiếu Số"), 422);

        Assert.Equal(["required"], (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!["members[0].phone"]);
    }

    [Fact]
    public async Task impossible_rules_are_refused_naming_each_field()
    {
        var contest = await app.CreateContest();
        var result = await SetRules(
            contest.Id, 1, Rules(LocalNow, LocalNow.AddHours(-1), new[] { new { divisionCode = "MN", minGrade = 5, maxGrade = 3 } }, maxMembers: 0), 422);

        var rules = (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!;
        Assert.Equal(["closes-before-opening"], rules["closesAt"]);
        Assert.Equal(["size-range-invalid"], rules["members"]);
        Assert.Equal(["unknown-division"], rules["grades[0].divisionCode"]);
        Assert.Equal(["grade-range-invalid"], rules["grades[0]"]);
    }

    [Fact]
    public async Task rules_need_the_current_version_and_an_organiser()
    {
        var contest = await app.CreateContest();
        var rules = Rules(LocalNow, LocalNow.AddDays(1));
        await SetRules(contest.Id, 7, rules, 412);
        await SetRules(contest.Id, 1, rules, 403, Roles.Team);
        await app.Change(HttpMethod.Put, $"/api/contests/{contest.Id}/registration-rules", rules, Roles.Organiser, ifMatch: null, 428);
    }
}
