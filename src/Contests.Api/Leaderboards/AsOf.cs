using System.Globalization;
using Contests.Domain;
using Marten;

namespace Contests.Api.Leaderboards;

/// <summary>The <c>asOf</c> query of a board: an instant, in Vietnam time when it names no offset; read as UTC, which PostgreSQL wants.</summary>
public static class AsOf
{
    /// <summary>
    /// Reads "2024-05-10T16:00:00+07:00". A '+' left unencoded in a query string arrives as a space, so a space before
    /// the offset is read as '+'.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var repaired = text.Trim().Replace(' ', '+');
        if (DateTimeOffset.TryParseExact(repaired, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            instant = withOffset.ToUniversalTime();
            return true;
        }

        if (DateTime.TryParseExact(repaired, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = VietnamTime.ToInstant(local).ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>The data of every event of these streams appended up to the instant, in the order they were appended: what a past board is folded from.</summary>
    public static async Task<IEnumerable<object>> EventsUpTo(IQuerySession session, Guid[] streams, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(entry => streams.Contains(entry.StreamId) && entry.Timestamp <= instant)
            .OrderBy(entry => entry.Sequence)
            .ToListAsync(cancellationToken);
        return events.Select(entry => entry.Data);
    }
}
