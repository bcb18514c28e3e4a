using Contests.Api.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Contests.Api.Access;

namespace Contests.Api.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public sealed class EndpointPolicyTests(AppFixture app)
{
    /// <summary>An endpoint is acceptable when it names a policy, or is public on purpose (AllowPublic, not a bare AllowAnonymous).</summary>
    private static string? Undeclared(Endpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        var namesPolicy = metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => !string.IsNullOrEmpty(data.Policy));
        var publicOnPurpose = metadata.GetMetadata<PublicOnPurpose>() is not null && metadata.GetMetadata<IAllowAnonymous>() is not null;
        return namesPolicy || publicOnPurpose ? null : endpoint.DisplayName ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText;
    }

    [Fact]
    public void every_mapped_endpoint_declares_its_policy_or_is_public_on_purpose()
    {
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.True(endpoints.Count > 10, "the endpoint list looks empty");

        var undeclared = endpoints.Select(Undeclared).OfType<string>().ToList();

        Assert.True(undeclared.Count == 0, "Endpoints without a declared policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void the_check_catches_an_endpoint_without_a_policy()
    {
        var bare = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten");
        var anonymousOnly = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/lazy"), 0, new EndpointMetadataCollection(new AllowAnonymousAttribute()), "lazy");

        Assert.Equal("forgotten", Undeclared(bare));
        Assert.Equal("lazy", Undeclared(anonymousOnly));
    }
}
