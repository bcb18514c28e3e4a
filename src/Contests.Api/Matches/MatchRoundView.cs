using Contests.Api.Leaderboards;
using Contests.Domain.Matches;

namespace Contests.Api.Matches;

/// <summary>
/// A group's table: standings by the game's rules from its confirmed matches; <c>Complete</c> once all are confirmed.
/// During a reveal the top <c>Concealed</c> rows are left out: screens show them as hidden places above <c>Rows</c>.
/// </summary>
public sealed record GroupTable(string Group, IReadOnlyList<StandingRow> Rows, bool Complete, int Concealed = 0);

/// <summary>
/// A match as screens show it. <c>Score</c> is the latest version: official once confirmed, unofficial while it awaits
/// the head referee. Knockout matches carry the teams the bracket sends to them; <c>NeedsReview</c> flags one already
/// played by other teams than a corrected earlier result now sends. <c>Version</c> is the match's own (for If-Match).
/// </summary>
public sealed record MatchView(
    string Code,
    MatchStage Stage,
    string? Group,
    int Round,
    string Field,
    DateTimeOffset StartsAt,
    Guid? Red,
    Guid? Blue,
    MatchStatus Status,
    MatchScore? Score,
    bool Official,
    bool NeedsReview,
    long Version);

/// <summary>
/// Everything about a match round in one document: its game, teams, group tables, the timetable with each match's
/// state, and what the timetable could not satisfy. The public board and the officials' screens read the same shape.
/// </summary>
public sealed record MatchRoundView(
    Guid RoundId,
    Guid ContestId,
    long Version,
    GameDefinition Game,
    IReadOnlyList<MatchTeam> Teams,
    IReadOnlyList<GroupTable> Groups,
    IReadOnlyList<MatchView> Matches,
    IReadOnlyList<string> Fields,
    int SlotMinutes,
    int MinRestMinutes,
    int Seed,
    IReadOnlyList<UnmetConstraint> Unmet,
    BoardFreezeView? Freeze = null)
{
    public static MatchRoundView From(MatchRound round, IReadOnlyCollection<Match> matches, long version)
    {
        var byCode = matches.ToDictionary(match => match.Code);
        var resolved = RoundResults.Bracket(round, matches).ToDictionary(match => match.Code);
        var views = round.Schedule.OrderBy(match => match.StartsAt).ThenBy(match => match.Field, StringComparer.Ordinal).Select(scheduled =>
        {
            var played = byCode.GetValueOrDefault(scheduled.Code);
            var bracket = resolved.GetValueOrDefault(scheduled.Code);
            return new MatchView(
                scheduled.Code,
                scheduled.Stage,
                scheduled.Group,
                scheduled.Round,
                scheduled.Field,
                scheduled.StartsAt,
                played?.Red ?? bracket?.Red ?? scheduled.Red,
                played?.Blue ?? bracket?.Blue ?? scheduled.Blue,
                played?.Status ?? MatchStatus.Scheduled,
                played is { Status: MatchStatus.AwaitingConfirmation or MatchStatus.Confirmed } ? played.Score : null,
                played?.Status == MatchStatus.Confirmed,
                bracket?.NeedsReview ?? false,
                played?.Version ?? 0);
        }).ToList();
        return new MatchRoundView(
            round.RoundId, round.ContestId, version, round.Game, round.Teams, RoundResults.Tables(round, matches), views,
            round.Fields, round.SlotMinutes, round.MinRestMinutes, round.Seed, round.Unmet);
    }
}

/// <summary>Standings and bracket are computed, never stored: from the round's setup and its confirmed results only.</summary>
public static class RoundResults
{
    public static IReadOnlyList<GroupTable> Tables(MatchRound round, IReadOnlyCollection<Match> matches)
    {
        var confirmed = Confirmed(matches);
        return round.Groups.Select(group =>
        {
            var codes = round.Schedule.Where(match => match.Group == group.Name).Select(match => match.Code).ToList();
            var played = codes.Where(confirmed.ContainsKey).Select(code => confirmed[code]).Select(match => new PlayedMatch(match.Red, match.Blue, match.Score)).ToList();
            var lots = round.Lots.Where(lot => lot.Group == group.Name).Select(lot => lot.Order).ToList();
            var complete = codes.All(confirmed.ContainsKey);
            var rows = Standings.Rank(round.Game, group.Teams, played, lots);
            // A lot settles a finished group only; until then teams level on points are simply level.
            return new GroupTable(group.Name, complete ? rows : rows.Select(row => row with { AwaitingLot = false }).ToList(), complete);
        }).ToList();
    }

    public static IReadOnlyList<ResolvedMatch> Bracket(MatchRound round, IReadOnlyCollection<Match> matches)
    {
        var confirmed = Confirmed(matches);
        var results = round.Bracket
            .Where(match => confirmed.ContainsKey(match.Code) && confirmed[match.Code].Score.Winner is not null)
            .ToDictionary(match => match.Code, match =>
            {
                var played = confirmed[match.Code];
                return new KnockoutResult(played.Red, played.Blue, played.Score.Winner!.Value);
            });
        return Brackets.Resolve(round.Bracket, results);
    }

    /// <summary>The two teams of a match as things stand: fixed for a group match, from the bracket for a knockout one.</summary>
    public static (Guid? Red, Guid? Blue) TeamsOf(MatchRound round, IReadOnlyCollection<Match> matches, ScheduledMatch scheduled)
    {
        if (scheduled.Stage == MatchStage.Group)
        {
            return (scheduled.Red, scheduled.Blue);
        }

        var resolved = Bracket(round, matches).First(match => match.Code == scheduled.Code);
        return (resolved.Red, resolved.Blue);
    }

    private static Dictionary<string, Match> Confirmed(IReadOnlyCollection<Match> matches) =>
        matches.Where(match => match.Status == MatchStatus.Confirmed).ToDictionary(match => match.Code);
}
