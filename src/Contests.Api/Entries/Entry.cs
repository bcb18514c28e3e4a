using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Entries;
using Contests.Domain.Rounds;

namespace Contests.Api.Entries;

public sealed record EntryRevision(int Number, EntryContent Content, bool Late, DateTimeOffset SubmittedAt, Actor SubmittedBy, string? RequestKey);

/// <summary>A team's entry for a round: the inline snapshot of the stream "entry/{roundId}/{teamId}", every revision kept.</summary>
public sealed record Entry(Guid Id, Guid ContestId, Guid RoundId, Guid TeamId, IReadOnlyList<EntryRevision> Revisions)
{
    public long Version { get; set; }

    public static Guid IdFor(Guid roundId, Guid teamId) => StreamIds.For("entry", $"{roundId}/{teamId}");

    public static Entry Create(EntryRevisionSubmitted submitted) =>
        new Entry(submitted.EntryId, submitted.ContestId, submitted.RoundId, submitted.TeamId, []).Apply(submitted);

    public Entry Apply(EntryRevisionSubmitted submitted) => this with
    {
        Revisions = [.. Revisions, new EntryRevision(submitted.Revision, submitted.Content, submitted.Late, submitted.SubmittedAt, submitted.SubmittedBy, submitted.RequestKey)],
    };

    public EntryRevision? Latest() => Revisions.Count == 0 ? null : Revisions[^1];

    public IReadOnlyList<RevisionStamp> Stamps() => Revisions.Select(revision => new RevisionStamp(revision.Number, revision.SubmittedAt)).ToList();

    /// <summary>The revision judges score under these times; null when nothing came in before the lock.</summary>
    public EntryRevision? Judged(RoundTimes times) =>
        EntryRules.JudgedVersion(Stamps(), times) is { } judged ? Revisions.Single(revision => revision.Number == judged.Number) : null;
}
