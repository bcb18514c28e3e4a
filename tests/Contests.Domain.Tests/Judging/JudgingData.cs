using Contests.Domain.Judging;
using FsCheck;
using FsCheck.Fluent;

namespace Contests.Domain.Tests.Judging;

/// <summary>Ids that read well in failure messages, and generators of judges' totals.</summary>
public static class JudgingData
{
    public static Guid Entry(int number) => new($"e0000000-0000-0000-0000-{number:D12}");

    public static Guid Judge(int number) => new($"a0000000-0000-0000-0000-{number:D12}");

    public static ScoreRange OutOfForty { get; } = new(0m, 40m);

    /// <summary>
    /// Up to 8 entries and 5 judges; each judge scores some of the entries, on half points from 0 to 40, so ties and
    /// judges with a single score or no spread turn up often.
    /// </summary>
    public static Gen<JudgeTotal[]> Totals() =>
        from entries in Gen.Choose(1, 8)
        from judges in Gen.Choose(1, 5)
        from cells in Gen.ArrayOf(
            Gen.Zip(Gen.Elements(true, true, false), Gen.Choose(0, 80)),
            entries * judges)
        let totals = cells
            .Select((cell, index) => (cell, index))
            .Where(pair => pair.cell.Item1)
            .Select(pair => new JudgeTotal(Entry(pair.index / judges), Judge(pair.index % judges), pair.cell.Item2 / 2m))
            .ToArray()
        where totals.Length > 0
        select totals;
}
