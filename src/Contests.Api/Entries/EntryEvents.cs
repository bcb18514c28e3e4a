using Contests.Api.Access;

namespace Contests.Api.Entries;

/// <summary>A stored file: named by the SHA-256 of its bytes, with the type its bytes showed, never the name's extension.</summary>
public sealed record EntryFile(string Sha256, string Name, string ContentType, long Size);

public sealed record EntryContent(string Title, string Description, string? Field, IReadOnlyList<string> VideoLinks, IReadOnlyList<EntryFile> Files);

/// <summary>
/// One revision of a team's entry for a round, kept for good: the first is revision 1, each resubmission the next.
/// <c>Late</c> when it came in the grace period; <c>RequestKey</c> is the client's Idempotency-Key, so a resent
/// upload finds the revision it already made.
/// </summary>
public sealed record EntryRevisionSubmitted(
    Guid EntryId,
    Guid ContestId,
    Guid RoundId,
    Guid TeamId,
    int Revision,
    EntryContent Content,
    bool Late,
    string? RequestKey,
    Actor SubmittedBy,
    DateTimeOffset SubmittedAt);
