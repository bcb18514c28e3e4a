namespace Contests.Domain.Leaderboards;

/// <summary>
/// The ceremony reveal of a frozen board: every ranking (a group table, a division's ranking) uncovers one row per
/// step from its bottom, so the winners come last. A board takes as many steps as its longest ranking has rows.
/// </summary>
public static class Reveal
{
    /// <summary>How many rows at the top of a ranking of <paramref name="rows"/> rows stay concealed after <paramref name="revealed"/> steps.</summary>
    public static int Concealed(int rows, int revealed) => Math.Clamp(rows - revealed, 0, rows);

    public static int Steps(IEnumerable<int> rankingSizes) => rankingSizes.DefaultIfEmpty(0).Max();
}
