using System.Net;
using Contests.Api.Access;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Access;

/// <summary>
/// Guessing is slowed per client address (a fixed window of sign-in attempts) and per e-mail address (a lockout after
/// five wrong passwords). Each test plays one client address of its own, so nothing here waits for a window to pass.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SignInLimitsTests(AppFixture app)
{
    private static Dictionary<string, string> From(string address) => new() { [TestClientAddresses.Header] = address };

    private static string NewAddress() => $"192.0.2.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task the_eleventh_attempt_within_a_minute_from_one_address_is_refused_with_429_and_when_to_retry()
    {
        var address = $"198.51.100.{Random.Shared.Next(1, 255)}";
        var limits = new SignInLimits();
        for (var attempt = 0; attempt < limits.PermitsPerWindow; attempt++)
        {
            var wrong = await app.Send(HttpMethod.Post, "/api/auth/sign-in-code", body: new { code = "SAI-MA-SO" }, headers: From(address));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var limited = await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email = "ai@test.example", password = "bất kỳ" }, headers: From(address));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("too-many-attempts", await limited.ProblemCode());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // A right code from the same address waits too; from another address it is fine.
        var code = await app.IssueCode(Roles.Judge, "Giám khảo kiên nhẫn");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Send(HttpMethod.Post, "/api/auth/sign-in-code", body: new { code }, headers: From(address))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Post, "/api/auth/sign-in-code", body: new { code }, headers: From(NewAddress()))).StatusCode);
    }

    [Fact]
    public async Task one_person_signing_in_on_several_devices_at_once_gets_a_session_on_each()
    {
        var email = $"nhieu-may-{Guid.NewGuid():N}@test.example";
        await app.SignInAccount(app.Organisation, email, "mật khẩu nhiều máy", Roles.Organiser);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu nhiều máy" }, headers: From(NewAddress()))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
    }

    [Fact]
    public void addresses_of_one_ipv6_network_share_their_count()
    {
        var first = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        first.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8:1:2:aaaa::1");
        var second = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        second.Connection.RemoteIpAddress = IPAddress.Parse("2001:db8:1:2:bbbb::2");
        var mapped = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        mapped.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:203.0.113.7");

        Assert.Equal(ClientAddress.LimitKey(first), ClientAddress.LimitKey(second));
        Assert.Equal("203.0.113.7", ClientAddress.LimitKey(mapped));
    }

    [Fact]
    public async Task five_wrong_passwords_lock_the_address_for_fifteen_minutes_even_against_the_right_one()
    {
        var email = $"khoa-{Guid.NewGuid():N}@test.example";
        await app.SignInAccount(app.Organisation, email, "mật khẩu đúng rồi", Roles.Organiser);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var wrong = await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = $"sai {attempt}" }, headers: From(NewAddress()));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu đúng rồi" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("sign-in-locked", await locked.ProblemCode());
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu đúng rồi" })).StatusCode);
    }

    [Fact]
    public async Task an_unknown_address_locks_the_same_way_so_the_answer_never_tells_which_accounts_exist()
    {
        var email = $"khong-co-{Guid.NewGuid():N}@test.example";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var answer = await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "đoán thử" });
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("sign-in-failed", await answer.ProblemCode());
        }

        Assert.Equal("sign-in-locked", await (await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "đoán thử" })).ProblemCode());
    }

    [Fact]
    public async Task a_right_password_starts_the_count_again()
    {
        var email = $"dem-lai-{Guid.NewGuid():N}@test.example";
        await app.SignInAccount(app.Organisation, email, "mật khẩu đúng rồi", Roles.Organiser);
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "sai" });
            }

            Assert.Equal(HttpStatusCode.OK, (await app.Send(HttpMethod.Post, "/api/auth/sign-in", body: new { email, password = "mật khẩu đúng rồi" })).StatusCode);
        }
    }
}
