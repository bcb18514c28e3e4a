using System.Net.Http.Json;
using Alba;
using Contests.Api.Access;
using Contests.Api.Judging;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Judging;

[Collection(AppCollection.Name)]
public sealed class JudgesTests(AppFixture app)
{
    private static object Profile(string name = "PGS. Nguyễn Văn Hùng") => new
    {
        name,
        schools = new[] { "Trường THCS Lê Quý Đôn", "  trường thcs lê quý đôn " },
        districts = new[] { "viet yen" },
        organisations = new[] { "Đại học Nông Lâm Bắc Giang" },
        phone = "0912 345 678",
        email = "hung.nv@bafu.edu.vn",
        headJudge = true,
    };

    [Fact]
    public async Task an_organiser_adds_a_judge_whose_affiliations_are_cleaned_and_spelled_as_the_contest_does()
    {
        var judged = await app.CreateJudgedContest();

        var result = await app.Post(judged.Judges, Profile(), Roles.Organiser, 201);

        var judge = (await result.ReadAsJsonAsync<JudgeView>())!;
        Assert.Equal($"/api/contests/{judged.Contest.Id}/judges/{judge.Id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal("\"1\"", result.Context.Response.Headers.ETag.ToString());
        Assert.Equal(["Trường THCS Lê Quý Đôn"], judge.Schools);
        Assert.Equal(["Việt Yên"], judge.Districts);
        Assert.Equal(("0912345678", true), (judge.Phone, judge.HeadJudge));
        var listed = (await (await app.Get(judged.Judges, Roles.Organiser)).ReadAsJsonAsync<JudgeView[]>())!;
        Assert.Equal([judge.Id], listed.Select(item => item.Id));
    }

    [Fact]
    public async Task a_resent_form_with_the_same_idempotency_key_adds_the_judge_once()
    {
        var judged = await app.CreateJudgedContest();
        var key = Guid.NewGuid().ToString();

        var first = (await (await app.Post(judged.Judges, Profile(), Roles.Organiser, 201, key)).ReadAsJsonAsync<JudgeView>())!;
        var again = await app.Post(judged.Judges, Profile(), Roles.Organiser, 201, key);

        Assert.Equal(first.Id, (await again.ReadAsJsonAsync<JudgeView>())!.Id);
        Assert.Equal("true", again.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Single((await (await app.Get(judged.Judges, Roles.Organiser)).ReadAsJsonAsync<JudgeView[]>())!);
    }

    [Fact]
    public async Task a_judge_needs_a_name_and_well_formed_contacts()
    {
        var judged = await app.CreateJudgedContest();

        var rules = (await (await app.Post(judged.Judges, new { name = " ", phone = "12345", email = "not-an-email" }, Roles.Organiser, 422)).Problem()).Rules!;

        Assert.Equal(["required"], rules["name"]);
        Assert.Equal(["phone-format"], rules["phone"]);
        Assert.Equal(["email-format"], rules["email"]);
        await app.Post($"/api/contests/{Guid.NewGuid()}/judges", Profile(), Roles.Organiser, 404);
    }

    [Fact]
    public async Task affiliations_are_edited_with_the_judges_current_version()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "TS. Trần Thị Mai", schools: ["THPT Ngô Sĩ Liên"]);
        var url = $"{judged.Judges}/{judge.Id}";
        var edited = new { name = "TS. Trần Thị Mai", schools = new[] { "THPT Ngô Sĩ Liên", "THCS Nguyễn Khắc Nhu" }, districts = new[] { "Hiệp Hòa" } };

        var result = await app.Change(HttpMethod.Put, url, edited, Roles.Organiser, "\"1\"", 200);

        Assert.Equal(["THPT Ngô Sĩ Liên", "THCS Nguyễn Khắc Nhu"], (await result.ReadAsJsonAsync<JudgeView>())!.Schools);
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
        Assert.Equal(["Hiệp Hòa"], (await (await app.Get(url, Roles.Organiser)).ReadAsJsonAsync<JudgeView>())!.Districts);
        await app.Change(HttpMethod.Put, url, edited, Roles.Organiser, "\"1\"", 412);
        await app.Change(HttpMethod.Put, url, edited, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Put, url, new { name = "" }, Roles.Organiser, "\"2\"", 422);
        await app.Change(HttpMethod.Put, $"{judged.Judges}/{Guid.NewGuid()}", edited, Roles.Organiser, "\"1\"", 404);
    }

    [Fact]
    public async Task removing_a_judge_needs_the_current_version()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "Giám khảo Phiên Bản");

        await app.Change(HttpMethod.Delete, $"{judged.Judges}/{judge.Id}", null, Roles.Organiser, "\"7\"", 412);
        await app.Change(HttpMethod.Delete, $"{judged.Judges}/{Guid.NewGuid()}", null, Roles.Organiser, "\"1\"", 404);
        await app.Get($"/api/contests/{Guid.NewGuid()}/judges", Roles.Organiser, 404);
    }

    [Fact]
    public async Task a_judge_of_another_contest_is_not_found_here()
    {
        var judged = await app.CreateJudgedContest();
        var other = await app.CreateJudgedContest();
        var judge = await app.AddJudge(other, "Giám khảo cuộc thi khác");

        await app.Get($"{judged.Judges}/{judge.Id}", Roles.Organiser, 404);
    }

    [Fact]
    public async Task a_judge_is_removed_only_once_off_every_panel()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "ThS. Lê Văn Nam");
        var panel = await app.CreatePanel(judged, "Hội đồng THCS", ["THCS"], judge.Id);
        var url = $"{judged.Judges}/{judge.Id}";

        Assert.Equal("judge-in-panel", (await (await app.Change(HttpMethod.Delete, url, null, Roles.Organiser, "\"1\"", 409)).Problem()).Code);
        await app.Change(HttpMethod.Put, $"{judged.Round}/panels/{panel.Id}", new { name = "Hội đồng THCS", divisions = new[] { "THCS" }, members = Array.Empty<Guid>() }, Roles.Organiser, "\"1\"", 200);
        await app.Change(HttpMethod.Delete, url, null, Roles.Organiser, null, 428);
        await app.Change(HttpMethod.Delete, url, null, Roles.Organiser, "\"1\"", 204);

        await app.Get(url, Roles.Organiser, 404);
        Assert.Empty((await (await app.Get(judged.Judges, Roles.Organiser)).ReadAsJsonAsync<JudgeView[]>())!);
    }

    [Fact]
    public async Task teams_referees_and_judges_may_not_see_add_edit_or_remove_judges()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "Giám khảo Được Bảo Vệ");
        foreach (var role in JudgingApi.NotOrganisers)
        {
            await app.Get(judged.Judges, role, 403);
            await app.Post(judged.Judges, Profile(), role, 403);
            await app.Change(HttpMethod.Put, $"{judged.Judges}/{judge.Id}", Profile(), role, "\"1\"", 403);
            await app.Change(HttpMethod.Delete, $"{judged.Judges}/{judge.Id}", null, role, "\"1\"", 403);
            await app.Post($"{judged.Judges}/{judge.Id}/sign-in-code", new { }, role, 403);
        }

        await app.Get(judged.Judges, role: null, 401);
    }

    [Fact]
    public async Task a_judges_sign_in_code_opens_a_session_that_knows_which_judge_is_signed_in()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "PGS. Phạm Quốc Đạt");
        var panel = await app.CreatePanel(judged, "Hội đồng chung", [], judge.Id);

        var issued = (await (await app.Post($"{judged.Judges}/{judge.Id}/sign-in-code", new { validForHours = 24 }, Roles.Organiser, 201)).ReadAsJsonAsync<IssuedSignInCode>())!;
        Assert.Contains($"/judge/#code={issued.Code}", issued.SignInUrl, StringComparison.Ordinal);
        Assert.StartsWith("<svg", issued.QrCodeSvg.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(24), issued.ExpiresAt);

        var session = await app.SignInWithCode(issued.Code);
        var me = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/auth/me");
            session.Apply(scenario);
        });
        var current = (await me.ReadAsJsonAsync<CurrentUser>())!;
        Assert.Equal((judge.Id.ToString(), "Judge", "PGS. Phạm Quốc Đạt"), (current.Id, current.Role, current.Name));

        var self = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/judging/me");
            session.Apply(scenario);
        });
        var view = (await self.ReadAsJsonAsync<JudgeSelfView>())!;
        Assert.Equal((judge.Id, judged.Contest.Id, false), (view.JudgeId, view.ContestId, view.HeadJudge));
        Assert.Equal([new JudgeSelfPanel(panel.Id, judged.JudgedRound, "Vòng sơ khảo trực tuyến", "Hội đồng chung")], view.Panels);
    }

    [Fact]
    public async Task a_head_judge_signs_in_as_head_judge_and_cannot_register_a_team()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "GS. Hoàng Văn Trưởng", headJudge: true);
        var issued = (await (await app.Post($"{judged.Judges}/{judge.Id}/sign-in-code", new { }, Roles.Organiser, 201)).ReadAsJsonAsync<IssuedSignInCode>())!;

        var session = await app.SignInWithCode(issued.Code);

        var current = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/judging/me");
            session.Apply(scenario);
        });
        Assert.True((await current.ReadAsJsonAsync<JudgeSelfView>())!.HeadJudge);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(Requests.Team("Đội Của Trưởng Ban")).ToUrl($"/api/contests/{judged.Contest.Id}/teams");
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task a_code_is_issued_only_for_a_judge_of_the_contest_for_a_sensible_time()
    {
        var judged = await app.CreateJudgedContest();
        var judge = await app.AddJudge(judged, "Giám khảo Hạn Mã");

        await app.Post($"{judged.Judges}/{Guid.NewGuid()}/sign-in-code", new { }, Roles.Organiser, 404);
        var problem = await (await app.Post($"{judged.Judges}/{judge.Id}/sign-in-code", new { validForHours = 0 }, Roles.Organiser, 422)).Problem();
        Assert.Equal("validity-out-of-range", problem.Code);
    }

    [Fact]
    public async Task a_session_that_is_not_a_judge_profiles_has_no_judge_view()
    {
        // A generic judge code (issued without a profile) signs in, but there is no judge behind it.
        var session = await app.SignInWithCode(await app.IssueCode(Roles.Judge, "Giám khảo không hồ sơ"));
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/judging/me");
            session.Apply(scenario);
            scenario.StatusCodeShouldBe(404);
        });
        await app.Get("/api/judging/me", Roles.Team, 403);
        await app.Get("/api/judging/me", Roles.Organiser, 403);
    }
}
