using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Matches;

/// <summary>A way of scoring points in a match: each time a side achieves it, it earns <c>Points</c>, at most <c>MaxCount</c> times.</summary>
public sealed record ScoringTask(string Code, string Name, int Points, int MaxCount);

public enum PenaltyEffect
{
    /// <summary>The penalty's points go to the other side.</summary>
    ToOpponent,

    /// <summary>The penalty's points are taken from the offending side.</summary>
    Subtracted,
}

public sealed record PenaltyRule(string Code, string Name, int Points, PenaltyEffect Effect, int MaxCount);

public sealed record RankingPoints(int Win, int Draw, int Loss)
{
    public static RankingPoints Default { get; } = new(3, 1, 0);
}

/// <summary>What orders teams in a group table, applied in the game's order until teams differ.</summary>
public enum TieBreaker
{
    RankingPoints,

    /// <summary>The mini-table of the matches among the tied teams only (three-way ties included).</summary>
    HeadToHead,
    TotalMatchPoints,
    FewerPenaltyPoints,
    ShortestInstantWin,

    /// <summary>A lot drawn by the organisers and recorded as an event; until then the teams stay tied.</summary>
    DrawnLot,
}

/// <summary>
/// A match round's game, as data: a second game with other tasks, penalties or ranking rules needs no code change.
/// <c>InstantWin</c> names the condition that ends a match at once (the achiever wins), or is null when the game has none.
/// </summary>
public sealed record GameDefinition(
    string Name,
    IReadOnlyList<ScoringTask> Tasks,
    IReadOnlyList<PenaltyRule> Penalties,
    string? InstantWin,
    int MatchSeconds,
    RankingPoints RankingPoints,
    IReadOnlyList<TieBreaker> TieBreakers)
{
    public static IReadOnlyList<TieBreaker> DefaultTieBreakers { get; } =
    [
        TieBreaker.RankingPoints, TieBreaker.HeadToHead, TieBreaker.TotalMatchPoints, TieBreaker.FewerPenaltyPoints,
        TieBreaker.ShortestInstantWin, TieBreaker.DrawnLot,
    ];

    public int MatchMinutes => (MatchSeconds + 59) / 60;
}

public sealed record TaskForm(string? Name, int? Points, int? MaxCount, string? Code = null);

public sealed record PenaltyForm(string? Name, int? Points, string? Effect, int? MaxCount, string? Code = null);

public sealed record RankingPointsForm(int? Win, int? Draw, int? Loss);

public sealed record GameForm(
    string? Name,
    IReadOnlyList<TaskForm>? Tasks,
    IReadOnlyList<PenaltyForm>? Penalties,
    string? InstantWin,
    int? MatchSeconds,
    RankingPointsForm? RankingPoints,
    IReadOnlyList<string>? TieBreakers);

public static class GameRules
{
    public const int MaxPoints = 1000;
    public const int MaxCount = 1000;

    public static IReadOnlyList<RuleViolation> Check(GameForm form)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, "name", VietnameseText.Clean(form.Name));
        var tasks = form.Tasks ?? [];
        if (tasks.Count == 0)
        {
            violations.Add(new RuleViolation("tasks", "game-tasks-required"));
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < tasks.Count; index++)
        {
            var task = tasks[index];
            CheckItem(violations, $"tasks[{index}]", task.Name, task.Code, task.Points, task.MaxCount, codes);
        }

        var penalties = form.Penalties ?? [];
        for (var index = 0; index < penalties.Count; index++)
        {
            var penalty = penalties[index];
            CheckItem(violations, $"penalties[{index}]", penalty.Name, penalty.Code, penalty.Points, penalty.MaxCount, codes);
            if (!Enum.TryParse<PenaltyEffect>(penalty.Effect, ignoreCase: false, out _) || int.TryParse(penalty.Effect, out _))
            {
                violations.Add(new RuleViolation($"penalties[{index}].effect", "unknown-penalty-effect"));
            }
        }

        if (form.MatchSeconds is not (>= 30 and <= 3600))
        {
            violations.Add(new RuleViolation("matchSeconds", "match-duration-out-of-range"));
        }

        var points = RankingPointsOf(form);
        if (points.Win <= points.Loss || points.Draw < points.Loss || points.Draw > points.Win || points.Loss < 0 || points.Win > 100)
        {
            violations.Add(new RuleViolation("rankingPoints", "ranking-points-invalid"));
        }

        var tieBreakers = form.TieBreakers ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < tieBreakers.Count; index++)
        {
            var name = tieBreakers[index];
            if (!Enum.GetNames<TieBreaker>().Contains(name, StringComparer.Ordinal) || !seen.Add(name))
            {
                violations.Add(new RuleViolation($"tieBreakers[{index}]", "tie-breaker-invalid"));
            }
            else if (name == nameof(TieBreaker.DrawnLot) && index != tieBreakers.Count - 1)
            {
                violations.Add(new RuleViolation($"tieBreakers[{index}]", "drawn-lot-must-be-last"));
            }
        }

        return violations;
    }

    /// <summary>The game a checked form describes; codes default to the folded name, tie-breakers to the usual order.</summary>
    public static GameDefinition Decide(GameForm form) =>
        new(
            VietnameseText.Clean(form.Name),
            (form.Tasks ?? []).Select(task => new ScoringTask(CodeOf(task.Code, task.Name), VietnameseText.Clean(task.Name), task.Points!.Value, task.MaxCount!.Value)).ToList(),
            (form.Penalties ?? []).Select(penalty => new PenaltyRule(
                CodeOf(penalty.Code, penalty.Name), VietnameseText.Clean(penalty.Name), penalty.Points!.Value, Enum.Parse<PenaltyEffect>(penalty.Effect!), penalty.MaxCount!.Value)).ToList(),
            VietnameseText.Clean(form.InstantWin) is { Length: > 0 } instantWin ? instantWin : null,
            form.MatchSeconds!.Value,
            RankingPointsOf(form),
            form.TieBreakers is { Count: > 0 } chosen ? chosen.Select(Enum.Parse<TieBreaker>).ToList() : GameDefinition.DefaultTieBreakers);

    private static RankingPoints RankingPointsOf(GameForm form) =>
        new(form.RankingPoints?.Win ?? RankingPoints.Default.Win, form.RankingPoints?.Draw ?? RankingPoints.Default.Draw, form.RankingPoints?.Loss ?? RankingPoints.Default.Loss);

    private static string CodeOf(string? code, string? name) =>
        VietnameseText.Fold(string.IsNullOrWhiteSpace(code) ? name : code).Replace(' ', '-');

    private static void CheckItem(List<RuleViolation> violations, string path, string? name, string? code, int? points, int? maxCount, HashSet<string> codes)
    {
        FieldChecks.RequireText(violations, $"{path}.name", VietnameseText.Clean(name));
        if (points is not (>= 1 and <= MaxPoints))
        {
            violations.Add(new RuleViolation($"{path}.points", "points-out-of-range", MaxPoints));
        }

        if (maxCount is not (>= 1 and <= MaxCount))
        {
            violations.Add(new RuleViolation($"{path}.maxCount", "max-count-out-of-range", MaxCount));
        }

        if (!string.IsNullOrWhiteSpace(name) && !codes.Add(CodeOf(code, name)))
        {
            violations.Add(new RuleViolation($"{path}.name", "duplicate-game-item"));
        }
    }
}
