using Contests.Api.Rounds;
using Contests.Domain.Entries;
using Marten;

namespace Contests.Api.Entries;

public sealed record EntryFileView(string Sha256, string Name, string ContentType, long Size, string DownloadUrl);

public sealed record EntryRevisionView(
    int Number, string Title, string Description, string? Field, IReadOnlyList<string> VideoLinks, IReadOnlyList<EntryFileView> Files,
    bool Late, DateTimeOffset SubmittedAt, string SubmittedBy);

/// <summary>
/// A team's entry for a round with every revision, newest first; <c>Judged</c> is the revision judges score as the
/// schedule stands (final once the round is locked); <c>Advanced</c> once the team went on from this round.
/// Version 0 (ETag "0") and no revisions before the first submission.
/// </summary>
public sealed record EntryView(
    Guid EntryId, Guid ContestId, Guid RoundId, Guid TeamId, IReadOnlyList<EntryRevisionView> Revisions, JudgedRevision? Judged, bool Advanced, long Version);

public static class EntryViews
{
    public static string FileUrl(Guid contestId, Guid roundId, Guid teamId, string sha256) =>
        $"/api/contests/{contestId}/rounds/{roundId}/entries/{teamId}/files/{sha256}";

    public static async Task<EntryView> For(IQuerySession session, Guid contestId, Guid roundId, Guid teamId, Entry? entry, CancellationToken cancellationToken)
    {
        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var advancement = await session.LoadAsync<RoundAdvancement>(RoundAdvancement.IdFor(roundId), cancellationToken);
        var revisions = (entry?.Revisions ?? []).OrderByDescending(revision => revision.Number).Select(revision => new EntryRevisionView(
            revision.Number, revision.Content.Title, revision.Content.Description, revision.Content.Field, revision.Content.VideoLinks,
            revision.Content.Files.Select(file => new EntryFileView(file.Sha256, file.Name, file.ContentType, file.Size, FileUrl(contestId, roundId, teamId, file.Sha256))).ToList(),
            revision.Late, revision.SubmittedAt, revision.SubmittedBy.Name)).ToList();
        var judged = entry is not null && schedule is not null ? EntryRules.JudgedVersion(entry.Stamps(), schedule.Times) : null;
        return new EntryView(Entry.IdFor(roundId, teamId), contestId, roundId, teamId, revisions, judged, advancement?.HasAdvanced(teamId) == true, entry?.Version ?? 0);
    }
}
