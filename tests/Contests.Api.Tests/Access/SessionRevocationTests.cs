using System.Net;
using Contests.Api.Access;
using Contests.Api.Tests.Support;
using Marten;

namespace Contests.Api.Tests.Access;

/// <summary>Every session can be ended from outside, and ends at the very next request.</summary>
[Collection(AppCollection.Name)]
public sealed class SessionRevocationTests(AppFixture app)
{
    private async Task<bool> IsSignedIn(SignedInSession session) =>
        (await (await app.Send(HttpMethod.Get, "/api/auth/me", session)).Json<CurrentUser>()).Authenticated;

    private async Task<Guid> SessionIdOf(Guid principalId)
    {
        await using var query = app.QuerySession();
        return (await query.Query<UserSession>().SingleAsync(session => session.PrincipalId == principalId)).Id;
    }

    [Fact]
    public async Task revoking_a_judges_code_ends_the_session_started_with_it_at_the_next_request()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var code = await app.IssueCode(Roles.Judge, "Giám khảo mất máy tính bảng");
        var judge = await app.SignInWithCode(code);
        Assert.True(await IsSignedIn(judge));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Send(HttpMethod.Delete, $"/api/access/sign-in-codes/{code}", organiser)).StatusCode);

        Assert.False(await IsSignedIn(judge));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Send(HttpMethod.Post, "/api/auth/sign-out", judge)).StatusCode);
    }

    [Fact]
    public async Task a_listed_code_is_revoked_by_its_id_without_knowing_the_code()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var code = await app.IssueCode(Roles.Referee, "Trọng tài sân 2");
        var referee = await app.SignInWithCode(code);
        var listed = await (await app.Send(HttpMethod.Get, "/api/access/sign-in-codes", organiser)).Json<SignInCodeView[]>();
        var entry = listed.Single(item => item.DisplayName == "Trọng tài sân 2");
        Assert.NotNull(entry.RedeemedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Send(HttpMethod.Post, $"/api/access/sign-in-codes/{entry.Id}/revoke", organiser)).StatusCode);

        Assert.False(await IsSignedIn(referee));
    }

    [Fact]
    public async Task an_organiser_ends_any_open_session_and_it_is_gone_from_the_list()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var principal = Guid.CreateVersion7();
        var team = await app.SignInWithCode(await app.IssueCode(Roles.Team, "Đội bị đăng xuất", principalId: principal));
        var sessionId = await SessionIdOf(principal);
        Assert.Contains(sessionId, (await (await app.Send(HttpMethod.Get, "/api/access/sessions", organiser)).Json<SessionView[]>()).Select(session => session.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Send(HttpMethod.Delete, $"/api/access/sessions/{sessionId}", organiser)).StatusCode);

        Assert.False(await IsSignedIn(team));
        Assert.DoesNotContain(sessionId, (await (await app.Send(HttpMethod.Get, "/api/access/sessions", organiser)).Json<SessionView[]>()).Select(session => session.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send(HttpMethod.Delete, $"/api/access/sessions/{Guid.NewGuid()}", organiser)).StatusCode);
    }

    [Fact]
    public async Task a_copy_of_the_cookie_is_worth_nothing_after_signing_out()
    {
        var judge = await app.SignInWithCode(await app.IssueCode(Roles.Judge, "Giám khảo đăng xuất"));
        var copy = judge with { };

        Assert.Equal(HttpStatusCode.NoContent, (await app.Send(HttpMethod.Post, "/api/auth/sign-out", judge)).StatusCode);

        Assert.False(await IsSignedIn(copy));
    }

    [Fact]
    public async Task disabling_an_account_ends_its_sessions_and_refuses_its_password_until_enabled()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var email = $"tam-khoa-{Guid.NewGuid():N}@test.example";
        var colleague = await app.SignInAccount(app.Organisation, email, "mật khẩu đồng nghiệp", Roles.Organiser);
        var accountId = OrganiserAccount.IdFor(email);
        var ifMatch = new Dictionary<string, string> { ["If-Match"] = "\"1\"" };

        var disabled = await app.Send(HttpMethod.Post, $"/api/access/users/{accountId}/disable", organiser, headers: ifMatch);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Json<AccountView>()).Disabled);
        Assert.False(await IsSignedIn(colleague));
        var refused = await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu đồng nghiệp" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var enabled = await app.Send(HttpMethod.Post, $"/api/access/users/{accountId}/enable", organiser,
            headers: new Dictionary<string, string> { ["If-Match"] = disabled.Headers.ETag!.Tag });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu đồng nghiệp" })).StatusCode);
    }

    [Fact]
    public async Task a_role_change_ends_the_sessions_so_the_new_role_applies_from_the_next_sign_in()
    {
        var organiser = await app.SessionFor(Roles.Organiser);
        var email = $"doi-vai-{Guid.NewGuid():N}@test.example";
        var colleague = await app.SignInAccount(app.Organisation, email, "mật khẩu đồng nghiệp", Roles.Organiser);
        var ifMatch = new Dictionary<string, string> { ["If-Match"] = "\"1\"" };

        var changed = await app.Send(HttpMethod.Put, $"/api/access/users/{OrganiserAccount.IdFor(email)}/role", organiser,
            new { role = Roles.DistrictOrganiser, district = "Lục Nam" }, ifMatch);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var account = await changed.Json<AccountView>();
        Assert.Equal((Roles.DistrictOrganiser, "Lục Nam"), (account.Role, account.District));
        Assert.False(await IsSignedIn(colleague));
        var again = await app.SignInWithPassword(app.Organisation, email, "mật khẩu đồng nghiệp");
        Assert.Equal(Roles.DistrictOrganiser, (await (await app.Send(HttpMethod.Get, "/api/auth/me", again)).Json<CurrentUser>()).Role);
    }

    [Fact]
    public async Task a_role_change_is_refused_without_a_version_for_an_unknown_role_or_on_ones_own_account()
    {
        var email = $"tu-doi-{Guid.NewGuid():N}@test.example";
        var self = await app.SignInAccount(app.Organisation, email, "mật khẩu của tôi", Roles.Organiser);
        var path = $"/api/access/users/{OrganiserAccount.IdFor(email)}/role";
        var ifMatch = new Dictionary<string, string> { ["If-Match"] = "\"1\"" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await app.Send(HttpMethod.Put, path, self, new { role = Roles.Organiser })).StatusCode);
        var unknown = await app.Send(HttpMethod.Put, path, self, new { role = Roles.PlatformAdmin }, ifMatch);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("role-not-assignable", await unknown.ProblemCode());
        var noDistrict = await app.Send(HttpMethod.Put, path, self, new { role = Roles.DistrictOrganiser }, ifMatch);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDistrict.StatusCode);
        var own = await app.Send(HttpMethod.Put, path, self, new { role = Roles.DistrictOrganiser, district = "Lục Nam" }, ifMatch);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Equal("own-account", await own.ProblemCode());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send(HttpMethod.Post, $"/api/access/users/{Guid.NewGuid()}/disable", self, headers: ifMatch)).StatusCode);
    }

    [Fact]
    public void a_session_ends_two_weeks_after_it_started_however_active_it_was()
    {
        var started = new DateTimeOffset(2024, 8, 1, 1, 0, 0, TimeSpan.Zero);
        var session = new UserSession(Guid.NewGuid(), Guid.NewGuid(), "Giám khảo", Roles.Judge, UserSessions.ByCode, null, null, started);

        Assert.True(session.IsOpenAt(started.AddDays(14).AddMinutes(-1)));
        Assert.False(session.IsOpenAt(started.AddDays(14)));
        Assert.False((session with { EndedAt = started.AddHours(1) }).IsOpenAt(started.AddHours(2)));
    }
}
