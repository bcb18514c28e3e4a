using System.Security.Cryptography;
using System.Text;

namespace Contests.Api.Infrastructure;

/// <summary>
/// Derives a stream id from a natural key (an idempotency key, an e-mail, a sign-in code), so that a retried request
/// lands on the stream the first attempt created and the event store's stream uniqueness makes it apply exactly once.
/// </summary>
public static class StreamIds
{
    public static Guid For(string scope, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) and variant bits, so the value is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
