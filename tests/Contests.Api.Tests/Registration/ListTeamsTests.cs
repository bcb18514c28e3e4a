using Alba;
using Contests.Api.Registration;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Registration;

[Collection(AppCollection.Name)]
public sealed class ListTeamsTests(AppFixture app)
{
    private async Task<Guid> ContestWithTeams(params (string Name, string District)[] teams)
    {
        var contest = await app.CreateContest();
        foreach (var (name, district) in teams)
        {
            await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(Requests.Team(name, district)).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
        }

        return contest.Id;
    }

    [Fact]
    public async Task anyone_lists_a_contests_teams_in_vietnamese_alphabetical_order()
    {
        var contestId = await ContestWithTeams(("Đội Zebra", "Việt Yên"), ("Đội Ánh Sáng", "Hiệp Hòa"), ("Dũng Sĩ", "Lục Nam"), ("Anh Em", "Lục Nam"));

        var teams = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contestId}/teams");

        // Vietnamese order: A, Á (tone after base letter), D, Đ (a letter of its own after D).
        Assert.Equal(["Anh Em", "Dũng Sĩ", "Đội Ánh Sáng", "Đội Zebra"], teams!.Select(team => team.Name));
    }

    [Fact]
    public async Task the_public_list_carries_no_personal_data()
    {
        var contestId = await ContestWithTeams(("Đội Riêng Tư", "Việt Yên"));

        var result = await app.Host.Scenario(scenario => scenario.Get.Url($"/api/contests/{contestId}/teams"));
        var body = await result.ReadAsTextAsync();

        Assert.DoesNotContain("0912345678", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task search_ignores_accents_and_filters_narrow_by_district_and_division()
    {
        var contestId = await ContestWithTeams(("Nguyễn Trãi Robotics", "Việt Yên"), ("Sao Mai", "Việt Yên"), ("Tia Chớp", "Hiệp Hòa"));

        var found = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contestId}/teams?search=nguyen%20trai");
        Assert.Equal(["Nguyễn Trãi Robotics"], found!.Select(team => team.Name));

        var inDistrict = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contestId}/teams?district={Uri.EscapeDataString("Hiệp Hòa")}");
        Assert.Equal(["Tia Chớp"], inDistrict!.Select(team => team.Name));

        var inDivision = await app.Host.GetAsJson<TeamView[]>($"/api/contests/{contestId}/teams?division=thpt");
        Assert.Empty(inDivision!);
    }

    [Fact]
    public async Task pages_follow_the_vietnamese_order_and_the_total_is_in_a_header()
    {
        var contestId = await ContestWithTeams(("Đội Zebra", "Việt Yên"), ("Đội Ánh Sáng", "Hiệp Hòa"), ("Dũng Sĩ", "Lục Nam"), ("Anh Em", "Lục Nam"));

        var result = await app.Host.Scenario(scenario => scenario.Get.Url($"/api/contests/{contestId}/teams?page=2&pageSize=3"));

        Assert.Equal("4", result.Context.Response.Headers["X-Total-Count"].ToString());
        Assert.Equal(["Đội Zebra"], (await result.ReadAsJsonAsync<TeamView[]>())!.Select(team => team.Name));
    }

    [Fact]
    public async Task organisers_see_counts_per_district_division_and_status()
    {
        var contestId = await ContestWithTeams(("Đội Đếm Một", "Lục Nam"), ("Đội Đếm Hai", "Lục Nam"), ("Đội Đếm Ba", "Yên Thế"));
        var organiser = await app.SessionFor(global::Contests.Api.Access.Roles.Organiser);

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/teams/summary");
            organiser.Apply(scenario);
        });
        var summary = (await result.ReadAsJsonAsync<RosterSummary>())!;

        Assert.Equal((3, 9), (summary.Teams, summary.People));
        Assert.Equal(new RosterCount("Lục Nam", 2, 6), summary.ByDistrict.Single(count => count.Key == "Lục Nam"));
        Assert.Equal(new RosterCount("THCS", 3, 9), summary.ByDivision.Single(count => count.Key == "THCS"));
        Assert.Equal(3, summary.ByStatus.Single(count => count.Key == "Submitted").Teams);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{contestId}/teams/summary");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task listing_an_unknown_contest_is_404()
    {
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url($"/api/contests/{Guid.NewGuid()}/teams");
            scenario.StatusCodeShouldBe(404);
        });
    }
}
