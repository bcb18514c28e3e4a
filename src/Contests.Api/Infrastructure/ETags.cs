using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Contests.Api.Infrastructure;

/// <summary>Stream versions as strong ETags: GET sends one, every change to an existing stream must send it back as If-Match.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Write(HttpContext httpContext, long version) =>
        httpContext.Response.Headers.ETag = For(version);

    public static bool Matches(HttpContext httpContext, long version) =>
        httpContext.Request.Headers.IfNoneMatch.Any(value => value == For(version) || value == "*");

    /// <summary>Reads If-Match; on failure answers 428 (missing) or 400 (not one of ours) for the caller to return.</summary>
    public static bool TryReadExpectedVersion(HttpContext httpContext, out long version, out ProblemHttpResult? refusal)
    {
        version = 0;
        refusal = null;
        var header = httpContext.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            refusal = Problems.Refused(StatusCodes.Status428PreconditionRequired, "if-match-required");
            return false;
        }

        var trimmed = header.Trim();
        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }

        if (!long.TryParse(trimmed.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            refusal = Problems.Refused(StatusCodes.Status400BadRequest, "if-match-malformed");
            return false;
        }

        return true;
    }
}
