namespace Contests.Api.Infrastructure;

/// <summary>
/// The web app is built with no inline script or style, so the policy can forbid both; its only connections are to its
/// own origin (the API and, over WebSocket, the live hub — CSP's 'self' covers ws/wss to the same host). Swagger UI
/// and the Hangfire dashboard ship inline scripts and are left out of the script rule; they are for organisers and
/// developers only. No page may be framed (clickjacking), and over HTTPS browsers are told to use nothing else.
/// </summary>
internal static class SecurityHeaders
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment)
    {
        // HSTS only reaches HTTPS requests to a host other than localhost (ASP.NET Core's defaults): a plain-HTTP hall
        // network keeps working, a public deployment behind TLS gets it.
        if (!environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            var isTool = path.StartsWithSegments("/api/docs") || path.StartsWithSegments("/hangfire");
            headers.ContentSecurityPolicy = isTool ? ToolPolicy : StrictPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["X-Request-Id"] = context.TraceIdentifier;
            await next();
        });
    }
}
