using Alba;
using Contests.Api.Access;
using Contests.Api.Entries;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Entries;

/// <summary>Organisers see who has and has not submitted; judging reads each team's judged version.</summary>
[Collection(AppCollection.Name)]
public sealed class SubmissionsTests(AppFixture app)
{
    private async Task<(RoundedContest Contest, RegisteredTeam VietYen, RegisteredTeam LucNam, RegisteredTeam Silent)> ThreeTeams()
    {
        var contest = await app.ContestWithRounds();
        var now = app.LocalNow();
        await app.SetSchedule(contest.ContestId, contest.QualifyingId, RoundScenarios.Schedule(now.AddHours(-1), now.AddDays(1)));
        var vietYen = await app.RegisterTeam(contest.ContestId, "Đội Việt Yên Nộp Bài", "Việt Yên");
        var lucNam = await app.RegisterTeam(contest.ContestId, "Đội Lục Nam Nộp Bài", "Lục Nam");
        var silent = await app.RegisterTeam(contest.ContestId, "Đội Lục Nam Chưa Nộp", "Lục Nam");
        await app.Submit(contest.Entry(vietYen.Id), vietYen.Session, 0);
        await app.Submit(contest.Entry(lucNam.Id), lucNam.Session, 0);
        await app.Submit(contest.Entry(lucNam.Id), lucNam.Session, 1, title: "Bản sửa");
        return (contest, vietYen, lucNam, silent);
    }

    private async Task<T> Get<T>(string url, SignedInSession session, int status = 200)
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url(url);
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(status);
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }

    [Fact]
    public async Task organisers_see_who_has_and_has_not_submitted_per_district_and_division()
    {
        var (contest, _, lucNam, silent) = await ThreeTeams();
        var url = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/submissions";

        var all = await Get<SubmissionsView>(url, await app.SessionFor(Roles.Organiser));

        Assert.Equal((3, 2, 0), (all.Teams, all.Submitted, all.Late));
        Assert.Equal([new SubmissionCount("Lục Nam", 2, 1), new SubmissionCount("Việt Yên", 1, 1)], all.ByDistrict);
        Assert.Equal([new SubmissionCount("THCS", 3, 2)], all.ByDivision);
        var row = all.Rows.Single(item => item.TeamId == lucNam.Id);
        Assert.Equal((true, 2, "Bản sửa"), (row.Submitted, row.Revisions, row.Title));

        var missing = await Get<SubmissionsView>($"{url}?district=Lục Nam&submitted=false", await app.SessionFor(Roles.Organiser));
        Assert.Equal([silent.Id], missing.Rows.Select(item => item.TeamId));
        Assert.Equal(3, missing.Teams);
    }

    [Fact]
    public async Task a_district_organiser_sees_their_district_only_and_teams_and_judges_see_nothing()
    {
        var (contest, vietYen, _, _) = await ThreeTeams();
        var url = $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/submissions";
        var email = $"lucnam-{Guid.NewGuid():N}@test.example";
        var organiser = await app.SessionFor(Roles.Organiser);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { email, displayName = "Ban Tổ chức Lục Nam", password = "mat-khau-luc-nam", district = "Lục Nam" }).ToUrl("/api/access/organisers");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });
        var district = await app.SignInOrganiser(email, "mat-khau-luc-nam");

        var own = await Get<SubmissionsView>(url, district);

        Assert.Equal((2, 1), (own.Teams, own.Submitted));
        Assert.All(own.Rows, row => Assert.Equal("Lục Nam", row.District));
        await Get<object>(url, vietYen.Session, 403);
        await Get<object>(url, await app.SessionFor(Roles.Judge), 403);
    }

    [Fact]
    public async Task the_judged_entries_carry_the_last_revision_with_team_school_district_and_division()
    {
        var (contest, vietYen, lucNam, _) = await ThreeTeams();

        var judged = await Get<JudgedEntriesView>(
            $"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/judged-entries", await app.SessionFor(Roles.Organiser));

        Assert.False(judged.Final);
        Assert.Equal(
            [(lucNam.Id, 2, "Bản sửa", "Lục Nam"), (vietYen.Id, 1, "Robot gắp bóng", "Việt Yên")],
            judged.Entries.Select(entry => (entry.TeamId, entry.Revision, entry.Content.Title, entry.District)));
        Assert.All(judged.Entries, entry => Assert.Equal(("Trường THCS Nguyễn Khắc Nhu", "THCS", false), (entry.School, entry.DivisionCode, entry.Late)));
        await Get<object>($"/api/contests/{contest.ContestId}/rounds/{contest.QualifyingId}/judged-entries", await app.SessionFor(Roles.Judge), 403);
    }
}
