using Microsoft.AspNetCore.DataProtection;

namespace Contests.Api.Infrastructure;

/// <summary>What several processes serving one deployment must share beyond the database and Redis (infra/deploy/README.md).</summary>
public static class ScaleOut
{
    /// <summary>
    /// Sign-in cookies and antiforgery tokens are sealed with the data-protection key ring, so every API process must
    /// hold the same ring, or a session made on one process is refused by the next one behind the proxy. A fixed
    /// application name keeps processes installed in different folders compatible (the default derives it from the path).
    /// </summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, ContestsOptions options)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("Contests");
        if (!string.IsNullOrWhiteSpace(options.DataProtectionKeys))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(options.DataProtectionKeys));
        }

        return services;
    }
}
