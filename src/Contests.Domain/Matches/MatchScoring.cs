using Contests.Domain.Registration;

namespace Contests.Domain.Matches;

public enum Side
{
    Red,
    Blue,
}

/// <summary>What one side did in a match: how many times it achieved each task and committed each penalty, by code.</summary>
public sealed record SideSheet(IReadOnlyDictionary<string, int> Tasks, IReadOnlyDictionary<string, int> Penalties)
{
    public static SideSheet Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>());
}

/// <summary>
/// The referee's sheet for a match. <c>DecidedWinner</c> is for a knockout match level on points: the game's own rule
/// (a replay, the referees' decision) names who goes through, and the sheet records it.
/// </summary>
public sealed record ScoreSheet(SideSheet Red, SideSheet Blue, Side? InstantWinBy = null, int? InstantWinSeconds = null, Side? DecidedWinner = null)
{
    public static ScoreSheet Empty { get; } = new(SideSheet.Empty, SideSheet.Empty);
}

/// <summary><c>PenaltyPoints</c> are the points of the penalties this side committed, whatever their effect.</summary>
public sealed record SideScore(int Points, int TaskPoints, int PenaltyPoints);

/// <summary>A scored match; <c>Winner</c> is null for a draw.</summary>
public sealed record MatchScore(SideScore Red, SideScore Blue, Side? Winner, Side? InstantWinBy, int? InstantWinSeconds)
{
    public SideScore Of(Side side) => side == Side.Red ? Red : Blue;
}

public static class MatchScoring
{
    public static Side Other(this Side side) => side == Side.Red ? Side.Blue : Side.Red;

    public static MatchScore Score(GameDefinition game, ScoreSheet sheet)
    {
        var red = Tally(game, sheet.Red);
        var blue = Tally(game, sheet.Blue);
        var redPoints = red.TaskPoints - red.Subtracted + blue.ToOpponent;
        var bluePoints = blue.TaskPoints - blue.Subtracted + red.ToOpponent;
        var winner = sheet.InstantWinBy
            ?? (redPoints > bluePoints ? Side.Red : bluePoints > redPoints ? Side.Blue : sheet.DecidedWinner);
        return new MatchScore(
            new SideScore(redPoints, red.TaskPoints, red.Subtracted + red.ToOpponent),
            new SideScore(bluePoints, blue.TaskPoints, blue.Subtracted + blue.ToOpponent),
            winner,
            sheet.InstantWinBy,
            sheet.InstantWinBy is null ? null : sheet.InstantWinSeconds);
    }

    /// <summary>Every way the sheet breaks the game: unknown codes, counts out of range, an instant win the game does not have.</summary>
    public static IReadOnlyList<RuleViolation> Check(GameDefinition game, ScoreSheet sheet, bool winnerRequired)
    {
        var violations = new List<RuleViolation>();
        foreach (var (side, sideSheet) in new[] { ("red", sheet.Red), ("blue", sheet.Blue) })
        {
            CheckCounts(violations, $"{side}.tasks", sideSheet.Tasks, game.Tasks.ToDictionary(task => task.Code, task => task.MaxCount));
            CheckCounts(violations, $"{side}.penalties", sideSheet.Penalties, game.Penalties.ToDictionary(penalty => penalty.Code, penalty => penalty.MaxCount));
        }

        if (sheet.InstantWinBy is not null)
        {
            if (game.InstantWin is null)
            {
                violations.Add(new RuleViolation("instantWinBy", "game-has-no-instant-win"));
            }
            else if (sheet.InstantWinSeconds is not { } seconds || seconds < 0 || seconds > game.MatchSeconds)
            {
                violations.Add(new RuleViolation("instantWinSeconds", "instant-win-time-out-of-range", game.MatchSeconds));
            }
        }

        if (violations.Count > 0)
        {
            return violations;
        }

        var score = Score(game, sheet with { DecidedWinner = null });
        if (sheet.DecidedWinner is not null && score.Winner is not null)
        {
            violations.Add(new RuleViolation("decidedWinner", "decided-winner-not-level"));
        }
        else if (winnerRequired && score.Winner is null && sheet.DecidedWinner is null)
        {
            violations.Add(new RuleViolation("decidedWinner", "knockout-needs-winner"));
        }

        return violations;
    }

    private static void CheckCounts(List<RuleViolation> violations, string path, IReadOnlyDictionary<string, int> counts, Dictionary<string, int> maxima)
    {
        foreach (var (code, count) in counts)
        {
            if (!maxima.TryGetValue(code, out var max))
            {
                violations.Add(new RuleViolation($"{path}.{code}", "unknown-game-item"));
            }
            else if (count < 0 || count > max)
            {
                violations.Add(new RuleViolation($"{path}.{code}", "count-out-of-range", max));
            }
        }
    }

    private static (int TaskPoints, int Subtracted, int ToOpponent) Tally(GameDefinition game, SideSheet sheet)
    {
        var taskPoints = game.Tasks.Sum(task => task.Points * sheet.Tasks.GetValueOrDefault(task.Code));
        var subtracted = game.Penalties.Where(penalty => penalty.Effect == PenaltyEffect.Subtracted)
            .Sum(penalty => penalty.Points * sheet.Penalties.GetValueOrDefault(penalty.Code));
        var toOpponent = game.Penalties.Where(penalty => penalty.Effect == PenaltyEffect.ToOpponent)
            .Sum(penalty => penalty.Points * sheet.Penalties.GetValueOrDefault(penalty.Code));
        return (taskPoints, subtracted, toOpponent);
    }
}
