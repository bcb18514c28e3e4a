namespace Contests.Domain.Matches;

/// <summary>Who plays on one side of a knockout match: a seeded team, or the winner or loser of an earlier match.</summary>
public sealed record Entrant(Guid? Team, string? WinnerOf, string? LoserOf)
{
    public static Entrant Seeded(Guid team) => new(team, null, null);

    public static Entrant Winner(string code) => new(null, code, null);

    public static Entrant Loser(string code) => new(null, null, code);
}

/// <summary>A match of the bracket: <c>Round</c> 1 is the first round played, the final is the last.</summary>
public sealed record BracketMatch(string Code, int Round, int Index, Entrant Red, Entrant Blue)
{
    public IReadOnlyList<string> Feeders => new[] { Red.WinnerOf ?? Red.LoserOf, Blue.WinnerOf ?? Blue.LoserOf }.OfType<string>().ToList();
}

/// <summary>A confirmed knockout result with the teams that actually played it.</summary>
public sealed record KnockoutResult(Guid Red, Guid Blue, Side Winner);

/// <summary>
/// A bracket match as things stand: its teams once known, its winner once confirmed. <c>NeedsReview</c> marks a match
/// already played by other teams than the ones a corrected earlier result now sends to it.
/// </summary>
public sealed record ResolvedMatch(string Code, int Round, Guid? Red, Guid? Blue, Guid? Winner, Guid? Loser, bool NeedsReview);

public static class Brackets
{
    public const string ThirdPlaceCode = "3P";
    public const string FinalCode = "F";

    /// <summary>
    /// The teams that go through, in seed order: group winners first (in group order), then runners-up, and so on.
    /// When exactly two per group fill the bracket, runners-up are seeded so that each winner first meets the
    /// runner-up of the next group (A1–B2, B1–C2, …, last–A2), never its own.
    /// </summary>
    public static IReadOnlyList<Guid> SeedFromGroups(IReadOnlyList<IReadOnlyList<Guid>> groupRankings, int advancePerGroup)
    {
        var groups = groupRankings.Count;
        var seeds = new List<Guid>();
        for (var place = 0; place < advancePerGroup; place++)
        {
            seeds.AddRange(groupRankings.Where(ranking => ranking.Count > place).Select(ranking => ranking[place]));
        }

        var size = BracketSize(seeds.Count);
        if (advancePerGroup != 2 || groups < 2 || size != 2 * groups || seeds.Count != size)
        {
            return seeds;
        }

        // Seed s meets seed size+1−s; the winner of group g (seed g) should meet the runner-up of group g+1.
        var ordered = new Guid[size];
        for (var group = 0; group < groups; group++)
        {
            ordered[group] = groupRankings[group][0];
            var opponentSeed = size - group; // 1-based size+1−(group+1)
            ordered[opponentSeed - 1] = groupRankings[(group + 1) % groups][1];
        }

        return ordered;
    }

    public static int BracketSize(int teams)
    {
        var size = 1;
        while (size < teams)
        {
            size *= 2;
        }

        return size;
    }

    /// <summary>
    /// The standard bracket for the seeds (1 against the lowest, 1 and 2 only in the final). When the number of teams
    /// is not a power of two, the top seeds get byes: they go straight to the second round. A third-place match
    /// between the semi-finals' losers is added on request.
    /// </summary>
    public static IReadOnlyList<BracketMatch> Build(IReadOnlyList<Guid> seeded, bool thirdPlace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeded.Count, 2);
        var size = BracketSize(seeded.Count);
        var positions = SeedPositions(size);
        var matches = new List<BracketMatch>();
        var entrants = new List<Entrant>();
        var rounds = (int)Math.Log2(size);

        // First round: seed pairs; a pair with a missing seed is a bye and its team simply goes on.
        var firstRound = new List<(Entrant Red, Entrant Blue)>();
        for (var pair = 0; pair < size / 2; pair++)
        {
            var (top, bottom) = (positions[2 * pair], positions[(2 * pair) + 1]);
            firstRound.Add((Entrant.Seeded(seeded[top - 1]), bottom <= seeded.Count ? Entrant.Seeded(seeded[bottom - 1]) : new Entrant(null, null, null)));
        }

        var index = 0;
        foreach (var (red, blue) in firstRound)
        {
            if (blue.Team is null)
            {
                entrants.Add(red);
                continue;
            }

            var code = Code(1, rounds, ++index);
            matches.Add(new BracketMatch(code, 1, index, red, blue));
            entrants.Add(Entrant.Winner(code));
        }

        for (var round = 2; round <= rounds; round++)
        {
            var next = new List<Entrant>();
            for (var pair = 0; pair < entrants.Count / 2; pair++)
            {
                var code = Code(round, rounds, pair + 1);
                matches.Add(new BracketMatch(code, round, pair + 1, entrants[2 * pair], entrants[(2 * pair) + 1]));
                next.Add(Entrant.Winner(code));
            }

            entrants = next;
        }

        var semiFinals = matches.Where(match => match.Round == rounds - 1 && rounds >= 2).ToList();
        if (thirdPlace && semiFinals.Count == 2)
        {
            matches.Add(new BracketMatch(ThirdPlaceCode, rounds, 2, Entrant.Loser(semiFinals[0].Code), Entrant.Loser(semiFinals[1].Code)));
        }

        return matches;
    }

    /// <summary>
    /// Who plays whom now, from the confirmed results: a winner advances as soon as its match is confirmed. A match
    /// already played keeps its result and passes its own winner on; if a correction upstream would now send other
    /// teams to it, it is flagged for review rather than rewritten.
    /// </summary>
    public static IReadOnlyList<ResolvedMatch> Resolve(IReadOnlyList<BracketMatch> bracket, IReadOnlyDictionary<string, KnockoutResult> results)
    {
        var resolved = new Dictionary<string, ResolvedMatch>();
        Guid? TeamOf(Entrant entrant) =>
            entrant.Team ?? (entrant.WinnerOf is { } winnerOf ? resolved.GetValueOrDefault(winnerOf)?.Winner
                : entrant.LoserOf is { } loserOf ? resolved.GetValueOrDefault(loserOf)?.Loser : null);

        foreach (var match in bracket.OrderBy(match => match.Round).ThenBy(match => match.Code == ThirdPlaceCode ? 1 : 0).ThenBy(match => match.Index))
        {
            var red = TeamOf(match.Red);
            var blue = TeamOf(match.Blue);
            if (results.TryGetValue(match.Code, out var result))
            {
                var winner = result.Winner == Side.Red ? result.Red : result.Blue;
                var loser = result.Winner == Side.Red ? result.Blue : result.Red;
                var changed = red != result.Red || blue != result.Blue;
                resolved[match.Code] = new ResolvedMatch(match.Code, match.Round, result.Red, result.Blue, winner, loser, changed);
            }
            else
            {
                resolved[match.Code] = new ResolvedMatch(match.Code, match.Round, red, blue, null, null, false);
            }
        }

        return bracket.Select(match => resolved[match.Code]).ToList();
    }

    private static string Code(int round, int rounds, int index)
    {
        var fromEnd = rounds - round;
        return fromEnd switch
        {
            0 => FinalCode,
            1 => $"SF{index}",
            2 => $"QF{index}",
            _ => $"R{1 << (fromEnd + 1)}-{index}",
        };
    }

    /// <summary>Seed numbers in bracket order: [1, 2] for 2; each seed s of the half-size bracket followed by size+1−s.</summary>
    private static int[] SeedPositions(int size)
    {
        int[] positions = [1];
        for (var current = 2; current <= size; current *= 2)
        {
            positions = positions.SelectMany(seed => new[] { seed, current + 1 - seed }).ToArray();
        }

        return positions;
    }
}
