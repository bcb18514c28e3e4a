using System.Globalization;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;

namespace Contests.Api.Judging;

/// <summary>The id of a score sheet's stream, named as the scoring events' contract names it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It names an event stream, as ScoringEvents.cs does.")]
public static class ScoreSheetStream
{
    public static Guid IdFor(Guid roundId, Guid entryId, Guid judgeId) => StreamIds.For("score-sheet", $"{roundId}/{entryId}/{judgeId}");
}

public enum SheetStatus
{
    NotStarted,
    Draft,
    Submitted,
    Corrected,
}

/// <summary>
/// A request the sheet has applied, by its Idempotency-Key: what kind it was, a fingerprint of what it carried, and the
/// sequence number of the event it appended, so a resend is answered with the sheet as that event left it.
/// </summary>
public sealed record AppliedRequest(string Key, string Kind, string Fingerprint, long Sequence);

/// <summary>One judge's score sheet for one entry: the inline snapshot of the stream "score-sheet/{roundId}/{entryId}/{judgeId}".</summary>
public sealed record JudgeSheet(Guid Id, Guid ContestId, Guid RoundId, Guid EntryId, Guid TeamId, Guid JudgeId)
{
    public const string DraftKind = "draft";
    public const string SubmitKind = "submit";
    public const string CorrectKind = "correct";

    public long Version { get; set; }

    public SheetStatus Status { get; init; }

    public IReadOnlyList<CriterionScore> Scores { get; init; } = [];

    public string? Comment { get; init; }

    public decimal? Total { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? SavedAt { get; init; }

    public Actor? SavedBy { get; init; }

    public IReadOnlyList<AppliedRequest> Requests { get; init; } = [];

    /// <summary>The division the entry was judged in, as the last submitted or corrected version named it.</summary>
    public string? Division { get; init; }

    /// <summary>Every submitted and corrected version, oldest first, with who, when and why; drafts are not part of it.</summary>
    public IReadOnlyList<SheetVersion> History { get; init; } = [];

    /// <summary>How many events the sheet has applied: the stream version as the events themselves count it.</summary>
    public long EventCount { get; init; }

    public static JudgeSheet Create(ScoreDraftSaved saved) =>
        new JudgeSheet(ScoreSheetStream.IdFor(saved.RoundId, saved.EntryId, saved.JudgeId), saved.ContestId, saved.RoundId, saved.EntryId, saved.TeamId, saved.JudgeId).Apply(saved);

    public static JudgeSheet Create(ScoreSubmitted submitted) =>
        new JudgeSheet(ScoreSheetStream.IdFor(submitted.RoundId, submitted.EntryId, submitted.JudgeId), submitted.ContestId, submitted.RoundId, submitted.EntryId, submitted.TeamId, submitted.JudgeId).Apply(submitted);

    public JudgeSheet Apply(ScoreDraftSaved saved) =>
        Record(DraftKind, saved.RequestKey, saved.Scores, saved.Comment, null) with
        {
            Status = SheetStatus.Draft, Scores = saved.Scores, Comment = saved.Comment, SavedAt = saved.SavedAt, SavedBy = saved.SavedBy,
        };

    public JudgeSheet Apply(ScoreSubmitted submitted) =>
        Record(SubmitKind, submitted.RequestKey, submitted.Scores, submitted.Comment, null) with
        {
            Status = SheetStatus.Submitted, Scores = submitted.Scores, Comment = submitted.Comment, Total = submitted.Total,
            SavedAt = submitted.SubmittedAt, SavedBy = submitted.SubmittedBy, Division = submitted.Division,
            History = [.. History, new SheetVersion(
                History.Count + 1, History.Count > 0, submitted.Scores, submitted.Total, submitted.Comment, null, submitted.SubmittedBy, submitted.SubmittedAt)],
        };

    public JudgeSheet Apply(ScoreCorrected corrected) =>
        Record(CorrectKind, corrected.RequestKey, corrected.Scores, corrected.Comment, corrected.Reason) with
        {
            Status = SheetStatus.Corrected, Scores = corrected.Scores, Comment = corrected.Comment, Total = corrected.Total,
            Reason = corrected.Reason, SavedAt = corrected.CorrectedAt, SavedBy = corrected.CorrectedBy, Division = corrected.Division,
            History = [.. History, new SheetVersion(
                History.Count + 1, true, corrected.Scores, corrected.Total, corrected.Comment, corrected.Reason, corrected.CorrectedBy, corrected.CorrectedAt)],
        };

    /// <summary>The sheet as one more of its events leaves it, at the next version: what was just saved, without reading it back.</summary>
    public static JudgeSheet After(JudgeSheet? sheet, object change)
    {
        var next = change switch
        {
            ScoreDraftSaved saved => sheet?.Apply(saved) ?? Create(saved),
            ScoreSubmitted submitted => sheet?.Apply(submitted) ?? Create(submitted),
            ScoreCorrected corrected when sheet is not null => sheet.Apply(corrected),
            _ => throw new ArgumentException($"A score sheet does not start with or apply {change.GetType().Name}.", nameof(change)),
        };
        next.Version = (sheet?.Version ?? 0) + 1;
        return next;
    }

    public bool IsSubmitted => Status is SheetStatus.Submitted or SheetStatus.Corrected;

    public AppliedRequest? Applied(string key) => Requests.FirstOrDefault(request => request.Key == key);

    /// <summary>Every event of the stream goes through here once, so the count of applied events is the event's sequence.</summary>
    private JudgeSheet Record(string kind, string? key, IReadOnlyList<CriterionScore> scores, string? comment, string? reason) => this with
    {
        EventCount = EventCount + 1,
        Requests = key is null ? Requests : [.. Requests, new AppliedRequest(key, kind, Fingerprint(kind, scores, comment, reason), EventCount + 1)],
    };


    /// <summary>What a request carried, written one way whatever the order of the scores or the zeros after the decimal point.</summary>
    public static string Fingerprint(string kind, IReadOnlyList<CriterionScore> scores, string? comment, string? reason) =>
        string.Join(
            '\u001f',
            [kind, .. scores.OrderBy(score => score.Code, StringComparer.Ordinal).Select(score => $"{score.Code}={score.Value.ToString("0.############", CultureInfo.InvariantCulture)}"),
             comment ?? string.Empty, reason ?? string.Empty]);
}

/// <summary>A judge's sheet as the tablet and organisers read it; version 0 and NotStarted before anything was saved.</summary>
public sealed record ScoreSheetView(
    Guid EntryId, Guid JudgeId, SheetStatus Status, IReadOnlyList<CriterionScore> Scores, string? Comment, decimal? Total, string? Reason,
    DateTimeOffset? SavedAt, long Version)
{
    public static ScoreSheetView From(JudgeSheet? sheet, Guid entryId, Guid judgeId) =>
        sheet is null
            ? new(entryId, judgeId, SheetStatus.NotStarted, [], null, null, null, null, 0)
            : new(sheet.EntryId, sheet.JudgeId, sheet.Status, sheet.Scores, sheet.Comment, sheet.Total, sheet.Reason, sheet.SavedAt, sheet.Version);
}
