using System.Text.Json;
using Alba;
using Contests.Api.Access;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public sealed class HostTests(AppFixture app)
{
    [Fact]
    public async Task health_checks_postgres_and_hangfire()
    {
        var result = await app.Host.Scenario(scenario => scenario.Get.Url("/health"));
        using var health = JsonDocument.Parse(await result.ReadAsTextAsync());

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task the_hangfire_dashboard_is_for_platform_administrators_only()
    {
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/hangfire");
            scenario.StatusCodeShouldBe(401);
        });
        var judge = await app.SessionFor(Roles.Judge);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/hangfire");
            judge.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        // It lists (and can trigger or delete) the jobs of every organisation.
        var organiser = await app.SessionFor(Roles.Organiser);
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/hangfire");
            organiser.Apply(scenario);
            scenario.StatusCodeShouldBe(403);
        });
        var administrator = await app.SignInPlatformAdmin();
        await app.Host.Scenario(scenario =>
        {
            scenario.Get.Url("/hangfire");
            administrator.Apply(scenario);
            scenario.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task pages_and_answers_carry_the_security_headers()
    {
        var result = await app.Host.Scenario(scenario => scenario.Get.Url("/api/contests"));
        var headers = result.Context.Response.Headers;

        Assert.Contains("script-src 'self';", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.False(string.IsNullOrEmpty(headers["X-Request-Id"].ToString()));
    }

    [Fact]
    public async Task swagger_ui_is_served_at_api_docs()
    {
        var result = await app.Host.Scenario(scenario => scenario.Get.Url("/api/docs/index.html"));
        Assert.Contains("swagger", await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
