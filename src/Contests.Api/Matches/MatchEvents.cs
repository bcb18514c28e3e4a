using Contests.Api.Access;
using Contests.Domain.Matches;

namespace Contests.Api.Matches;

public enum MatchStage
{
    Group,
    Knockout,
}

/// <summary>A team of the match round, with what the draw spreads across groups and what screens show.</summary>
public sealed record MatchTeam(Guid TeamId, string Name, string School, string District);

public sealed record MatchGroup(string Name, IReadOnlyList<Guid> Teams);

/// <summary>A match on the timetable. Knockout matches name their teams only once the bracket resolves them.</summary>
public sealed record ScheduledMatch(string Code, MatchStage Stage, string? Group, int Round, Guid? Red, Guid? Blue, string Field, DateTimeOffset StartsAt);

public sealed record MatchTime(string Code, DateTimeOffset StartsAt);

// Events of a match round's own stream (MatchRound.IdFor(roundId)); never on the contest's stream.

public sealed record MatchGameSet(Guid RoundId, Guid ContestId, GameDefinition Game, Actor SetBy, DateTimeOffset SetAt);

/// <summary>The teams of the round in seed order (first is the top seed).</summary>
public sealed record MatchTeamsChosen(Guid RoundId, IReadOnlyList<MatchTeam> Teams, Actor ChosenBy, DateTimeOffset ChosenAt);

public sealed record GroupStageDrawn(
    Guid RoundId,
    int Seed,
    IReadOnlyList<string> Fields,
    int SlotMinutes,
    int MinRestMinutes,
    IReadOnlyList<MatchGroup> Groups,
    IReadOnlyList<ScheduledMatch> Matches,
    IReadOnlyList<UnmetConstraint> Unmet,
    int SameSchoolPairs,
    int SameDistrictPairs,
    Actor DrawnBy,
    DateTimeOffset DrawnAt);

public sealed record KnockoutDrawn(
    Guid RoundId, IReadOnlyList<BracketMatch> Bracket, IReadOnlyList<ScheduledMatch> Matches, IReadOnlyList<UnmetConstraint> Unmet, Actor DrawnBy, DateTimeOffset DrawnAt);

/// <summary>A field running late (or early): its unplayed matches moved; teams now short of rest are reported.</summary>
public sealed record FieldDelayed(
    Guid RoundId, string Field, int Minutes, string Reason, IReadOnlyList<MatchTime> Moved, IReadOnlyList<UnmetConstraint> Unmet, Actor DelayedBy, DateTimeOffset DelayedAt);

/// <summary>The order a lot gave to teams of a group that nothing else separates; the first is ranked highest.</summary>
public sealed record LotDrawn(Guid RoundId, string Group, IReadOnlyList<Guid> Order, Actor DrawnBy, DateTimeOffset DrawnAt);

// Events of one match's stream (Match.IdFor(roundId, code)). Only a confirmed result counts; every version is kept.

public sealed record MatchResultSubmitted(
    Guid MatchId, Guid RoundId, string Code, Guid SubmissionId, Guid Red, Guid Blue, ScoreSheet Sheet, MatchScore Score, Actor SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record MatchResultReturned(Guid MatchId, Guid RoundId, string Code, string Reason, Actor ReturnedBy, DateTimeOffset ReturnedAt);

public sealed record MatchResultConfirmed(
    Guid MatchId, Guid RoundId, string Code, Guid Red, Guid Blue, ScoreSheet Sheet, MatchScore Score, Actor ConfirmedBy, DateTimeOffset ConfirmedAt);

public sealed record MatchResultCorrected(
    Guid MatchId, Guid RoundId, string Code, Guid Red, Guid Blue, ScoreSheet Sheet, MatchScore Score, string Reason, Actor CorrectedBy, DateTimeOffset CorrectedAt);
