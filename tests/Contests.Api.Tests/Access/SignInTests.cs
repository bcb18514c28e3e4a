using Alba;
using Contests.Api.Access;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Access;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFixture app)
{
    [Fact]
    public async Task an_organiser_signs_in_with_the_right_password_and_is_refused_with_a_wrong_one()
    {
        var email = $"bto-{Guid.NewGuid():N}@test.example";
        var session = await app.SignInOrganiser(email, "mật khẩu đúng");
        Assert.NotEmpty(session.AntiforgeryToken);

        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { email, password = "mật khẩu sai" }).ToUrl("/api/auth/sign-in");
            scenario.StatusCodeShouldBe(401);
        });
        Assert.Equal("sign-in-failed", (await result.ReadAsJsonAsync<ProblemBody>())!.Code);
    }

    [Fact]
    public async Task me_tells_who_is_signed_in()
    {
        var judge = await app.SignInWithCode(await app.IssueCode(Roles.Judge, "Giám khảo Lê Văn Tám"));
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/api/auth/me");
            scenario.WithRequestHeader("Cookie", judge.Cookie);
        });

        var me = (await result.ReadAsJsonAsync<CurrentUser>())!;
        Assert.True(me.Authenticated);
        Assert.Equal(("Giám khảo Lê Văn Tám", Roles.Judge), (me.Name, me.Role));
    }

    [Fact]
    public async Task a_sign_in_code_works_once()
    {
        var code = await app.IssueCode(Roles.Judge, "Giám khảo một lần");
        await app.SignInWithCode(code.ToLowerInvariant());

        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { code }).ToUrl("/api/auth/sign-in-code");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task an_expired_sign_in_code_is_refused()
    {
        var code = await app.IssueCode(Roles.Referee, "Trọng tài hết hạn", TimeSpan.FromHours(1));
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { code }).ToUrl("/api/auth/sign-in-code");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task an_organiser_issues_a_code_with_a_link_and_qr_and_can_revoke_it()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { role = Roles.Team, displayName = "Đội Sao Mai", validForHours = 48 }).ToUrl("/api/access/sign-in-codes");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(201);
        });
        var issued = (await result.ReadAsJsonAsync<IssuedSignInCode>())!;
        Assert.EndsWith($"/o/{app.Organisation}/team/#code={issued.Code}", issued.SignInUrl, StringComparison.Ordinal);
        Assert.Contains("<svg", issued.QrCodeSvg, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddHours(48), issued.ExpiresAt);

        await app.Host.Scenario(scenario =>
        {
            scenario.Delete.Url($"/api/access/sign-in-codes/{issued.Code}");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(204);
        });
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { code = issued.Code }).ToUrl("/api/auth/sign-in-code");
            scenario.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task codes_are_issued_only_to_judges_referees_and_teams()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { role = Roles.Organiser, displayName = "Leo thang" }).ToUrl("/api/access/sign-in-codes");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(422);
        });
        Assert.Equal(["role-not-issuable"], (await result.ReadAsJsonAsync<ProblemBody>())!.Rules!["role"]);
    }

    [Fact]
    public async Task a_judge_cannot_issue_codes()
    {
        var judge = await app.SessionFor(Roles.Judge);
        await app.Host.Scenario(scenario =>
        {
            scenario.Post.Json(new { role = Roles.Judge, displayName = "Bạn tôi" }).ToUrl("/api/access/sign-in-codes");
            judge.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task revoking_an_unknown_code_is_404()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        await app.Host.Scenario(scenario =>
        {
            scenario.Delete.Url("/api/access/sign-in-codes/NOPE-NOPE-NOPE");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        var team = await app.SignInWithCode(await app.IssueCode(Roles.Team, "Đội đăng xuất"));
        var result = await app.Host.Scenario(scenario =>
        {
            scenario.Post.Url("/api/auth/sign-out");
            team.Apply(scenario);
            scenario.StatusCodeShouldBe(204);
        });

        Assert.Contains("contests.session=;", result.Context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }
}
