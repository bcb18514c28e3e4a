using System.Net;
using System.Net.Http.Json;
using Contests.Api.Access;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Security;

/// <summary>Headers and cookie flags as a browser sees them, over HTTPS (a public deployment) and HTTP (a hall's network).</summary>
[Collection(AppCollection.Name)]
public sealed class TransportSecurityTests(AppFixture app)
{
    private HttpClient Client(string scheme)
    {
        var client = app.Host.Server.CreateClient();
        client.BaseAddress = new Uri($"{scheme}://contests.example/");
        return client;
    }

    [Fact]
    public async Task over_https_browsers_are_told_to_use_nothing_else()
    {
        using var https = Client("https");
        using var http = Client("http");

        var secure = await https.GetAsync(new Uri("/api/contests", UriKind.Relative));
        var plain = await http.GetAsync(new Uri("/api/contests", UriKind.Relative));

        Assert.StartsWith("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task the_session_cookie_is_http_only_same_site_strict_and_secure_over_https()
    {
        var email = $"cookie-{Guid.NewGuid():N}@test.example";
        await app.SignInAccount(app.Organisation, email, "mật khẩu cookie", Roles.Organiser);
        using var https = Client("https");

        var signedIn = await https.PostAsJsonAsync(new Uri("/api/auth/sign-in", UriKind.Relative), new { email, password = "mật khẩu cookie" });

        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("contests.session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/contests")]
    [InlineData("/api/contests/00000000-0000-0000-0000-000000000000")]
    [InlineData("/no-such-page")]
    public async Task every_answer_forbids_framing_sniffing_inline_script_and_foreign_connections(string path)
    {
        var answer = await app.Send(HttpMethod.Get, path);
        var policy = answer.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task a_signed_in_write_from_another_site_without_the_token_is_refused_even_under_an_organisations_address()
    {
        var organiser = await app.SessionFor(Roles.Organiser);

        var forged = await app.Send(HttpMethod.Post, AppFixture.Under(app.Organisation, "/api/contests"), organiser with { AntiforgeryToken = "forged" },
            Requests.Contest("Cuộc thi giả mạo"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("antiforgery-failed", await forged.ProblemCode());
    }
}
