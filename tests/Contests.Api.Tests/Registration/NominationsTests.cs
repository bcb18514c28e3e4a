using Alba;
using Contests.Api.Access;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Registration;

/// <summary>District organisers nominate their own district's teams to the province round; the province watches progress.</summary>
[Collection(AppCollection.Name)]
public sealed class NominationsTests(AppFixture app)
{
    private async Task<SignedInSession> DistrictOrganiser(string district)
    {
        var email = $"huyen-{Guid.NewGuid():N}@test.example";
        var organiser = await app.SessionFor(Roles.Organiser);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { email, displayName = $"Ban Tổ chức {district}", password = "mat-khau-huyen", district }).ToUrl("/api/access/organisers");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });
        return await app.SignInOrganiser(email, "mat-khau-huyen");
    }

    private async Task<Guid> Register(Guid contestId, string name, string district)
    {
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team(name, district)).ToUrl($"/api/contests/{contestId}/teams");
            scenario.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<TeamRegistration>())!.Team.Id;
    }

    private Task<IScenarioResult> Nominate(Guid contestId, Guid teamId, SignedInSession session, long version, int expectedStatus) =>
        app.Host.Scenario(scenario =>
        {
            scenario.Post.Url($"/api/contests/{contestId}/teams/{teamId}/nomination");
            session.Apply(scenario);
            scenario.WithRequestHeader("If-Match", $"\"{version}\"");
            scenario.StatusCodeShouldBe(expectedStatus);
        });

    [Fact]
    public async Task a_district_organiser_nominates_their_own_teams_only_and_the_province_sees_the_progress()
    {
        var contest = await app.CreateContest();
        var lucNamTeam = await Register(contest.Id, "Đội Lục Nam Đề Cử", "Lục Nam");
        var vietYenTeam = await Register(contest.Id, "Đội Việt Yên Khác", "Việt Yên");
        var lucNam = await DistrictOrganiser("Lục Nam");

        var nominated = await Nominate(contest.Id, lucNamTeam, lucNam, 1, 200);
        Assert.True((await nominated.ReadAsJsonAsync<TeamDetails>())!.Nominated);
        await Nominate(contest.Id, vietYenTeam, lucNam, 1, 403);
        await Nominate(contest.Id, lucNamTeam, lucNam, 2, 409);

        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Url($"/api/contests/{contest.Id}/nominations/{Uri.EscapeDataString("luc nam")}/close");
            lucNam.Apply(scenario);
        });
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Url($"/api/contests/{contest.Id}/nominations/{Uri.EscapeDataString("Việt Yên")}/close");
            lucNam.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });

        var province = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.Id}/nominations");
            province.Apply(scenario);
        });
        var overview = (await result.ReadAsJsonAsync<NominationsView>())!;
        Assert.Equal((1, 10, 1), (overview.DistrictsClosed, overview.DistrictsTotal, overview.Nominated));
        Assert.Equal(new DistrictNominationStatus("Lục Nam", 1, true), overview.Districts.Single(item => item.District == "Lục Nam"));
    }

    [Fact]
    public async Task a_closed_district_list_cannot_change()
    {
        var contest = await app.CreateContest();
        var team = await Register(contest.Id, "Đội Danh Sách Chốt", "Yên Dũng");
        var yenDung = await DistrictOrganiser("Yên Dũng");
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Url($"/api/contests/{contest.Id}/nominations/{Uri.EscapeDataString("Yên Dũng")}/close");
            yenDung.Apply(scenario);
        });

        var refused = await Nominate(contest.Id, team, yenDung, 1, 409);
        Assert.Equal("nominations-closed", (await refused.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task a_district_organiser_sees_and_registers_teams_of_their_district_only()
    {
        var contest = await app.CreateContest();
        var other = await Register(contest.Id, "Đội Huyện Khác", "Hiệp Hòa");
        var tanYen = await DistrictOrganiser("Tân Yên");

        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contest.Id}/teams/{other}");
            tanYen.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội Nhập Hộ Tân Yên", "Tân Yên")).ToUrl($"/api/contests/{contest.Id}/teams");
            tanYen.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội Nhập Sai Huyện", "Hiệp Hòa")).ToUrl($"/api/contests/{contest.Id}/teams");
            tanYen.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task only_organisers_create_organiser_accounts_and_an_email_is_used_once()
    {
        var judge = await app.SessionFor(Roles.Judge);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { email = "x@test.example", displayName = "X", password = "mat-khau-dai-du" }).ToUrl("/api/access/organisers");
            judge.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });

        var organiser = await app.SessionFor(Roles.Organiser);
        var email = $"trung-{Guid.NewGuid():N}@test.example";
        foreach (var expected in new[] { 201, 409 })
        {
            await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(new { email, displayName = "Người Tổ chức", password = "mat-khau-dai-du" }).ToUrl("/api/access/organisers");
                organiser.Apply(scenario);
                scenario.StatusCodeShouldBe(expected);
            });
        }

        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { email = "khong-hop-le", displayName = "", password = "ngan" }).ToUrl("/api/access/organisers");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(422);
        });
    }
}
