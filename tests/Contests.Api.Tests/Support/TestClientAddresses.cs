using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Contests.Api.Tests.Support;

/// <summary>
/// The test server has no network, so no client address: each request gets one of its own, as if every test were a
/// different device, unless it names one in <see cref="Header"/> — how the sign-in limit tests play one client.
/// </summary>
public sealed class TestClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
        app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress =
                    IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var named)
                        ? named
                        : new IPAddress([10, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);
                return nextMiddleware(context);
            });
            next(app);
        };
}
