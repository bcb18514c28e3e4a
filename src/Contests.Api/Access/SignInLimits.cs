using System.Globalization;
using System.Threading.RateLimiting;
using Contests.Api.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace Contests.Api.Access;

/// <summary>
/// How many sign-in attempts (password or code, right or wrong) one client address may make per window. With the
/// defaults, guessing a 12-character code (about 59 bits) would take longer than the universe has existed; a school's
/// shared address still lets a class of judges sign in within a minute or two.
/// </summary>
public sealed class SignInLimits
{
    public const string Policy = "sign-in";

    public int PermitsPerWindow { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

public static class SignInLimiting
{
    public static IServiceCollection AddSignInLimits(this IServiceCollection services, SignInLimits limits) =>
        services.AddRateLimiter(rateLimiter =>
        {
            rateLimiter.AddPolicy(SignInLimits.Policy, httpContext => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.LimitKey(httpContext),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                }));
            rateLimiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Problems.Refused(StatusCodes.Status429TooManyRequests, "too-many-attempts").ExecuteAsync(context.HttpContext);
            };
        });
}
