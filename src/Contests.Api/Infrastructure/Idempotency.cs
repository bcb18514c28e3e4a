namespace Contests.Api.Infrastructure;

/// <summary>
/// Clients that may resend (tablets on bad Wi-Fi, double-clicked forms) send an Idempotency-Key; the key becomes the id
/// of the stream the request creates, so the second attempt finds the first one's result instead of creating another.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 100;

    public static Guid NewStreamId(HttpContext httpContext, string scope)
    {
        var key = httpContext.Request.Headers[HeaderName].ToString().Trim();
        return key.Length is > 0 and <= MaxKeyLength ? StreamIds.For(scope, key) : Guid.CreateVersion7();
    }

    public static void MarkReplayed(HttpContext httpContext) => httpContext.Response.Headers[ReplayedHeaderName] = "true";
}
