using Alba;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class PanelsTests(AppFixture app)
{
    [Fact]
    public async Task an_organiser_creates_a_panel_per_division_with_its_judges()
    {
        var judged = await app.CreateJudgedContest();
        var chair = await app.AddJudge(judged, "GS. Đỗ Minh Chủ", headJudge: true);
        var member = await app.AddJudge(judged, "ThS. Bùi Thị Lan", schools: ["THCS Lê Quý Đôn"]);

        var result = await app.Post($"{judged.Round}/panels", new { name = "Hội đồng THCS", divisions = new[] { "thcs" }, members = new[] { chair.Id, member.Id, chair.Id } }, Roles.Organiser, 201);

        var panel = (await result.ReadAsJsonAsync<PanelView>())!;
        Assert.Equal($"/api/contests/{judged.Contest.Id}/rounds/{judged.JudgedRound}/panels/{panel.Id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal(["THCS"], panel.Divisions);
        Assert.Equal([new PanelMember(chair.Id, chair.Name, true), new PanelMember(member.Id, member.Name, false)], panel.Members);
        var listed = (await (await app.Get($"{judged.Round}/panels", Roles.Organiser)).ReadAsJsonAsync<PanelView[]>())!;
        Assert.Equal([panel.Id], listed.Select(item => item.Id));
    }

    [Fact]
    public async Task a_resent_panel_with_the_same_idempotency_key_is_created_once()
    {
        var judged = await app.CreateJudgedContest();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Hội đồng chung", divisions = Array.Empty<string>() };

        var first = (await (await app.Post($"{judged.Round}/panels", body, Roles.Organiser, 201, key)).ReadAsJsonAsync<PanelView>())!;
        var again = (await (await app.Post($"{judged.Round}/panels", body, Roles.Organiser, 201, key)).ReadAsJsonAsync<PanelView>())!;

        Assert.Equal(first.Id, again.Id);
        Assert.Single((await (await app.Get($"{judged.Round}/panels", Roles.Organiser)).ReadAsJsonAsync<PanelView[]>())!);
    }

    [Fact]
    public async Task two_panels_of_a_round_can_share_neither_a_name_nor_an_entry()
    {
        var judged = await app.CreateJudgedContest();
        await app.CreatePanel(judged, "Hội đồng THCS", ["THCS"]);

        var sameName = await (await app.Post($"{judged.Round}/panels", new { name = "hội đồng thcs", divisions = new[] { "THPT" } }, Roles.Organiser, 409)).Problem();
        Assert.Equal(["panel-name-taken"], sameName.Rules!["name"]);
        var everyDivision = await (await app.Post($"{judged.Round}/panels", new { name = "Hội đồng chung" }, Roles.Organiser, 409)).Problem();
        Assert.Equal(["panel-scope-overlaps"], everyDivision.Rules!["divisions"]);
        await app.CreatePanel(judged, "Hội đồng THPT", ["THPT"]);
    }

    [Fact]
    public async Task panels_split_by_field_within_a_division_do_not_overlap()
    {
        var judged = await app.CreateJudgedContest();
        await app.Post($"{judged.Round}/panels", new { name = "Kỹ thuật", divisions = new[] { "THPT" }, fields = new[] { "Kỹ thuật cơ khí" } }, Roles.Organiser, 201);
        await app.Post($"{judged.Round}/panels", new { name = "Môi trường", divisions = new[] { "THPT" }, fields = new[] { "Môi trường" } }, Roles.Organiser, 201);
        await app.Post($"{judged.Round}/panels", new { name = "Cơ khí 2", divisions = new[] { "THPT" }, fields = new[] { "KỸ THUẬT CƠ KHÍ" } }, Roles.Organiser, 409);
    }

    [Fact]
    public async Task members_must_be_judges_of_the_contest_and_divisions_its_own()
    {
        var judged = await app.CreateJudgedContest();
        var elsewhere = await app.AddJudge(await app.CreateJudgedContest(), "Giám khảo nơi khác");

        var rules = (await (await app.Post($"{judged.Round}/panels", new { name = "", divisions = new[] { "MAM-NON" }, members = new[] { elsewhere.Id } }, Roles.Organiser, 422)).Problem()).Rules!;

        Assert.Equal(["required"], rules["name"]);
        Assert.Equal(["unknown-division"], rules["divisions"]);
        Assert.Equal(["unknown-judge"], rules["members[0]"]);
    }

    [Fact]
    public async Task a_panel_is_changed_and_removed_with_its_current_version()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "TS. Vũ Đức Thắng");
        var panel = await app.CreatePanel(judged, "Hội đồng 1", ["THCS"]);
        var url = $"{judged.Round}/panels/{panel.Id}";
        var renamed = new { name = "Hội đồng THCS", divisions = new[] { "THCS" }, members = new[] { judge.Id } };

        var result = await app.Change(HttpMethod.Put, url, renamed, Roles.Organiser, "\"1\"", 200);
        Assert.Equal(("Hội đồng THCS", 1), ((await result.ReadAsJsonAsync<PanelView>())!.Name, (await result.ReadAsJsonAsync<PanelView>())!.Members.Count));
        await app.Change(HttpMethod.Put, url, renamed, Roles.Organiser, "\"1\"", 412);
        await app.Change(HttpMethod.Put, url, renamed, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Put, $"{judged.Round}/panels/{Guid.NewGuid()}", renamed, Roles.Organiser, "\"1\"", 404);

        await app.Change(HttpMethod.Delete, url, null, Roles.Organiser, "\"1\"", 412);
        await app.Change(HttpMethod.Delete, url, null, Roles.Organiser, "\"2\"", 204);
        Assert.Empty((await (await app.Get($"{judged.Round}/panels", Roles.Organiser)).ReadAsJsonAsync<PanelView[]>())!);
        await app.Change(HttpMethod.Delete, url, null, Roles.Organiser, "\"3\"", 404);
    }

    [Fact]
    public async Task panels_of_an_unknown_contest_or_round_are_not_found()
    {
        var judged = await app.CreateJudgedContest();
        var panel = await app.CreatePanel(judged, "Hội đồng có thật", []);
        var unknownRound = judged with { JudgedRound = Guid.NewGuid() };

        await app.Get($"/api/contests/{Guid.NewGuid()}/rounds/{judged.JudgedRound}/panels", Roles.Organiser, 404);
        await app.Get($"{unknownRound.Round}/panels", Roles.Organiser, 404);
        await app.Post($"{unknownRound.Round}/panels", new { name = "Hội đồng lạc" }, Roles.Organiser, 404);
        await app.Change(HttpMethod.Put, $"{unknownRound.Round}/panels/{panel.Id}", new { name = "Hội đồng lạc" }, Roles.Organiser, "\"1\"", 404);
        await app.Change(HttpMethod.Delete, $"{judged.Round}/panels/{panel.Id}", null, Roles.Organiser, null, 428);
    }

    [Fact]
    public async Task a_change_that_clashes_with_another_panel_is_refused()
    {
        var judged = await app.CreateJudgedContest();
        await app.CreatePanel(judged, "Hội đồng THCS", ["THCS"]);
        var other = await app.CreatePanel(judged, "Hội đồng THPT", ["THPT"]);

        var problem = await (await app.Change(HttpMethod.Put, $"{judged.Round}/panels/{other.Id}", new { name = "Hội đồng THPT", divisions = new[] { "THPT", "THCS" } }, Roles.Organiser, "\"1\"", 409)).Problem();

        Assert.Equal("panel-scope-overlaps", problem.Code);
        await app.Change(HttpMethod.Put, $"{judged.Round}/panels/{other.Id}", new { name = " " }, Roles.Organiser, "\"1\"", 422);
    }

    [Fact]
    public async Task a_match_round_has_no_panels()
    {
        var judged = await app.CreateJudgedContest();
        var matchRound = judged with { JudgedRound = judged.MatchRound };

        Assert.Equal("round-not-judged", (await (await app.Post($"{matchRound.Round}/panels", new { name = "Trọng tài" }, Roles.Organiser, 409)).Problem()).Code);
        await app.Get($"{matchRound.Round}/panels", Roles.Organiser, 409);
    }

    [Fact]
    public async Task teams_referees_and_judges_may_not_see_or_change_panels()
    {
        var judged = await app.CreateJudgedContest();
        var panel = await app.CreatePanel(judged, "Hội đồng Bảo Vệ", []);
        foreach (var role in JudgingApi.NotOrganisers)
        {
            await app.Get($"{judged.Round}/panels", role, 403);
            await app.Post($"{judged.Round}/panels", new { name = "Hội đồng lạ" }, role, 403);
            await app.Change(HttpMethod.Put, $"{judged.Round}/panels/{panel.Id}", new { name = "Đổi tên" }, role, "\"1\"", 403);
            await app.Change(HttpMethod.Delete, $"{judged.Round}/panels/{panel.Id}", null, role, "\"1\"", 403);
        }
    }
}
