namespace Contests.Api.Infrastructure;

/// <summary>
/// The web app is built with no inline script or style, so the policy can forbid both. Swagger UI and the Hangfire
/// dashboard ship inline scripts and are left out of the script rule; they are for organisers and developers only.
/// </summary>
internal static class SecurityHeaders
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            var isTool = path.StartsWithSegments("/api/docs") || path.StartsWithSegments("/hangfire");
            headers.ContentSecurityPolicy = isTool ? ToolPolicy : StrictPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Request-Id"] = context.TraceIdentifier;
            await next();
        });
}
