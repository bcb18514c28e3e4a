using System.Net;
using Contests.Api.Access;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Security;

/// <summary>Passwords, sign-in codes, session cookies and anti-forgery tokens never appear in a log line, whatever happens.</summary>
[Collection(AppCollection.Name)]
public sealed class LogSecretsTests(AppFixture app)
{
    [Fact]
    public async Task no_password_code_cookie_or_token_reaches_the_logs()
    {
        const string password = "mật-khẩu-không-được-ghi-log";
        const string wrongPassword = "sai-mật-khẩu-cũng-không-được-ghi";
        var email = $"nhat-ky-{Guid.NewGuid():N}@test.example";
        var organiser = await app.SignInAccount(app.Organisation, email, password, Roles.Organiser);
        await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = wrongPassword });
        var code = await app.IssueCode(Roles.Judge, "Giám khảo nhật ký");
        var judge = await app.SignInWithCode(code);
        var issued = await (await app.Send(HttpMethod.Post, "/api/access/sign-in-codes", organiser, new { role = Roles.Team, displayName = "Đội nhật ký" })).Json<IssuedSignInCode>();
        await app.Send(HttpMethod.Post, "/api/auth/sign-in-code", body: new { code = issued.Code + "X" });
        await app.Send(HttpMethod.Post, "/api/contests", organiser with { AntiforgeryToken = "forged" }, Requests.Contest("Giả mạo"));
        await app.Send(HttpMethod.Post, "/api/contests", organiser, new { name = new string('x', 2_000_000) });
        Assert.Equal(HttpStatusCode.NoContent, (await app.Send(HttpMethod.Post, "/api/auth/sign-out", judge)).StatusCode);

        var secrets = new[] { password, wrongPassword, code, issued.Code, organiser.AntiforgeryToken, judge.AntiforgeryToken }
            .Concat(new[] { organiser.Cookie, judge.Cookie }.SelectMany(cookies => cookies.Split("; ")).Select(cookie => cookie[(cookie.IndexOf('=') + 1)..]))
            .Where(secret => secret.Length >= 8)
            .ToList();
        var logs = app.Logs.Lines.ToList();

        // The capture sees the request log lines an operator would switch on, not only the app's own.
        Assert.Contains(logs, line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
