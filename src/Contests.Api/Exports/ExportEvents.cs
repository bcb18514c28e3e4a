using Contests.Api.Access;
using Contests.Api.Infrastructure;

namespace Contests.Api.Exports;

/// <summary>
/// Personal data left the system: who downloaded which export of a contest, in which format, limited to which
/// district, and when. One stream per contest (<see cref="ExportLog.StreamFor"/>), part of the contest's audit trail.
/// </summary>
public sealed record ExportDownloaded(
    Guid ContestId, string Export, ExportFormat Format, string? District, Guid? RoundId, string? DivisionCode, Actor DownloadedBy, DateTimeOffset DownloadedAt);

public static class ExportLog
{
    public static Guid StreamFor(Guid contestId) => StreamIds.For("exports", contestId.ToString());
}
