namespace Contests.Domain.Matches;

/// <summary>A confirmed match between two teams, as the standings see it.</summary>
public sealed record PlayedMatch(Guid Red, Guid Blue, MatchScore Score);

/// <summary>
/// A team's line in its group table. Teams the tie-breakers cannot separate share a <c>Rank</c>; <c>AwaitingLot</c>
/// says the game would separate them by a lot that has not been drawn yet.
/// </summary>
public sealed record StandingRow(
    Guid TeamId,
    int Rank,
    int Played,
    int Won,
    int Drawn,
    int Lost,
    int RankingPoints,
    int PointsFor,
    int PointsAgainst,
    int PenaltyPoints,
    int? FastestInstantWinSeconds,
    bool AwaitingLot);

public static class Standings
{
    /// <summary>
    /// The group table. The game's tie-breakers are applied in order; whenever one splits tied teams into smaller
    /// tied sets, each set is ranked again from the first tie-breaker, so head-to-head is always the mini-table of
    /// the matches among exactly the teams still tied (as for three-way ties). A drawn lot is the latest one drawn
    /// among all of the tied teams. The order results arrive in changes nothing.
    /// </summary>
    public static IReadOnlyList<StandingRow> Rank(
        GameDefinition game, IReadOnlyList<Guid> teams, IReadOnlyCollection<PlayedMatch> matches, IReadOnlyList<IReadOnlyList<Guid>> lots)
    {
        var members = teams.ToHashSet();
        var played = matches.Where(match => members.Contains(match.Red) && members.Contains(match.Blue)).ToList();
        var rows = teams.ToDictionary(team => team, team => Tally(game, team, played));
        var tiers = Order(game, teams.ToList(), 0, rows, played, lots);

        var ranked = new List<StandingRow>(teams.Count);
        foreach (var tier in tiers)
        {
            var rank = ranked.Count + 1;
            var awaitingLot = tier.Count > 1 && game.TieBreakers.Contains(TieBreaker.DrawnLot);
            ranked.AddRange(tier.Select(team => rows[team] with { Rank = rank, AwaitingLot = awaitingLot }));
        }

        return ranked;
    }

    private static List<List<Guid>> Order(
        GameDefinition game, List<Guid> group, int index, Dictionary<Guid, StandingRow> rows, List<PlayedMatch> played, IReadOnlyList<IReadOnlyList<Guid>> lots)
    {
        if (group.Count <= 1 || index >= game.TieBreakers.Count)
        {
            return [group];
        }

        var criterion = game.TieBreakers[index];
        if (criterion == TieBreaker.DrawnLot)
        {
            return lots.LastOrDefault(lot => group.All(lot.Contains)) is { } drawn
                ? group.OrderBy(team => IndexOf(drawn, team)).Select(team => new List<Guid> { team }).ToList()
                : [group];
        }

        var headToHead = criterion == TieBreaker.HeadToHead ? MiniTable(game, group, played) : null;
        var partitions = group
            .GroupBy(team => criterion switch
            {
                TieBreaker.RankingPoints => rows[team].RankingPoints,
                TieBreaker.HeadToHead => headToHead![team],
                TieBreaker.TotalMatchPoints => rows[team].PointsFor,
                TieBreaker.FewerPenaltyPoints => -rows[team].PenaltyPoints,
                TieBreaker.ShortestInstantWin => -(rows[team].FastestInstantWinSeconds ?? int.MaxValue),
                _ => 0,
            })
            .OrderByDescending(partition => partition.Key)
            .Select(partition => partition.ToList())
            .ToList();
        if (partitions.Count == 1)
        {
            return Order(game, group, index + 1, rows, played, lots);
        }

        return partitions.SelectMany(partition => Order(game, partition, 0, rows, played, lots)).ToList();
    }

    private static int IndexOf(IReadOnlyList<Guid> lot, Guid team)
    {
        for (var index = 0; index < lot.Count; index++)
        {
            if (lot[index] == team)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Ranking points earned in the matches among the given teams only.</summary>
    private static Dictionary<Guid, int> MiniTable(GameDefinition game, List<Guid> group, List<PlayedMatch> played)
    {
        var among = group.ToHashSet();
        var between = played.Where(match => among.Contains(match.Red) && among.Contains(match.Blue)).ToList();
        return group.ToDictionary(team => team, team => Tally(game, team, between).RankingPoints);
    }

    private static StandingRow Tally(GameDefinition game, Guid team, IEnumerable<PlayedMatch> played)
    {
        int games = 0, won = 0, drawn = 0, lost = 0, pointsFor = 0, pointsAgainst = 0, penalties = 0;
        int? fastest = null;
        foreach (var match in played)
        {
            Side side;
            if (match.Red == team)
            {
                side = Side.Red;
            }
            else if (match.Blue == team)
            {
                side = Side.Blue;
            }
            else
            {
                continue;
            }

            var score = match.Score;
            games++;
            pointsFor += score.Of(side).Points;
            pointsAgainst += score.Of(side.Other()).Points;
            penalties += score.Of(side).PenaltyPoints;
            if (score.Winner is null)
            {
                drawn++;
            }
            else if (score.Winner == side)
            {
                won++;
            }
            else
            {
                lost++;
            }

            if (score.InstantWinBy == side && score.InstantWinSeconds is { } seconds)
            {
                fastest = fastest is { } best ? Math.Min(best, seconds) : seconds;
            }
        }

        var points = (won * game.RankingPoints.Win) + (drawn * game.RankingPoints.Draw) + (lost * game.RankingPoints.Loss);
        return new StandingRow(team, 0, games, won, drawn, lost, points, pointsFor, pointsAgainst, penalties, fastest, false);
    }
}
