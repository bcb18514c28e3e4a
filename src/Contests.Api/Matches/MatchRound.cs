using Contests.Api.Infrastructure;
using Contests.Domain.Matches;

namespace Contests.Api.Matches;

/// <summary>A match round's setup and timetable: the inline snapshot of the round's own stream.</summary>
public sealed record MatchRound(Guid Id, Guid RoundId, Guid ContestId, GameDefinition Game)
{
    public long Version { get; set; }

    public IReadOnlyList<MatchTeam> Teams { get; init; } = [];

    public IReadOnlyList<MatchGroup> Groups { get; init; } = [];

    public IReadOnlyList<BracketMatch> Bracket { get; init; } = [];

    public IReadOnlyList<ScheduledMatch> Schedule { get; init; } = [];

    public IReadOnlyList<string> Fields { get; init; } = [];

    public int SlotMinutes { get; init; }

    public int MinRestMinutes { get; init; }

    public int Seed { get; init; }

    /// <summary>What the latest draw or delay could not satisfy, for the organisers to see.</summary>
    public IReadOnlyList<UnmetConstraint> Unmet { get; init; } = [];

    public IReadOnlyList<LotDrawn> Lots { get; init; } = [];

    public static Guid IdFor(Guid roundId) => StreamIds.For("match-round", roundId.ToString());

    public static MatchRound Create(MatchGameSet set) => new(IdFor(set.RoundId), set.RoundId, set.ContestId, set.Game);

    public MatchRound Apply(MatchGameSet set) => this with { Game = set.Game };

    public MatchRound Apply(MatchTeamsChosen chosen) => this with { Teams = chosen.Teams };

    public MatchRound Apply(GroupStageDrawn drawn) => this with
    {
        Groups = drawn.Groups,
        Schedule = drawn.Matches,
        Bracket = [],
        Fields = drawn.Fields,
        SlotMinutes = drawn.SlotMinutes,
        MinRestMinutes = drawn.MinRestMinutes,
        Seed = drawn.Seed,
        Unmet = drawn.Unmet,
        Lots = [],
    };

    public MatchRound Apply(KnockoutDrawn drawn) => this with
    {
        Bracket = drawn.Bracket,
        Schedule = [.. Schedule.Where(match => match.Stage == MatchStage.Group), .. drawn.Matches],
        Unmet = drawn.Unmet,
    };

    public MatchRound Apply(FieldDelayed delayed)
    {
        var moved = delayed.Moved.ToDictionary(time => time.Code, time => time.StartsAt);
        return this with
        {
            Schedule = Schedule.Select(match => moved.TryGetValue(match.Code, out var startsAt) ? match with { StartsAt = startsAt } : match).ToList(),
            Unmet = delayed.Unmet,
        };
    }

    public MatchRound Apply(LotDrawn drawn) => this with { Lots = [.. Lots, drawn] };

    public ScheduledMatch? Match(string code) => Schedule.FirstOrDefault(match => match.Code == code);

    public bool HasKnockout => Bracket.Count > 0;
}

public enum MatchStatus
{
    Scheduled,
    AwaitingConfirmation,
    Returned,
    Confirmed,
}

/// <summary>
/// One match's scoring: the inline snapshot of its stream. <c>Sheet</c> and <c>Score</c> are the latest version (the
/// submitted one while it awaits confirmation); only a confirmed one counts for standings and the bracket.
/// </summary>
public sealed record Match(Guid Id, Guid RoundId, string Code, Guid Red, Guid Blue, MatchStatus Status, ScoreSheet Sheet, MatchScore Score)
{
    public long Version { get; set; }

    public IReadOnlyList<Guid> Submissions { get; init; } = [];

    public string? ReturnReason { get; init; }

    public int Corrections { get; init; }

    public static Guid IdFor(Guid roundId, string code) => StreamIds.For("match", $"{roundId}/{code}");

    public static Match Create(MatchResultSubmitted submitted) =>
        new(submitted.MatchId, submitted.RoundId, submitted.Code, submitted.Red, submitted.Blue, MatchStatus.AwaitingConfirmation, submitted.Sheet, submitted.Score)
        {
            Submissions = [submitted.SubmissionId],
        };

    public Match Apply(MatchResultSubmitted submitted) => this with
    {
        Red = submitted.Red,
        Blue = submitted.Blue,
        Status = MatchStatus.AwaitingConfirmation,
        Sheet = submitted.Sheet,
        Score = submitted.Score,
        Submissions = [.. Submissions, submitted.SubmissionId],
        ReturnReason = null,
    };

    public Match Apply(MatchResultReturned returned) => this with { Status = MatchStatus.Returned, ReturnReason = returned.Reason };

    public Match Apply(MatchResultConfirmed confirmed) => this with { Status = MatchStatus.Confirmed, Sheet = confirmed.Sheet, Score = confirmed.Score };

    public Match Apply(MatchResultCorrected corrected) => this with { Sheet = corrected.Sheet, Score = corrected.Score, Corrections = Corrections + 1 };
}
