using System.Buffers.Binary;

namespace Contests.Domain.Judging;

/// <summary>An entry to be judged: its panel (a panel id, or any key that groups entries with their judges), school and district.</summary>
public sealed record EntryToAssign(Guid EntryId, string Panel, string School, string District);

/// <summary>A judge who may be assigned: the panels they sit on and what they declared for conflict-of-interest checks.</summary>
public sealed record JudgeToAssign(Guid JudgeId, IReadOnlyList<string> Panels, JudgeAffiliations Affiliations);

public sealed record Assignment(Guid EntryId, Guid JudgeId);

public enum ShortfallReason
{
    /// <summary>The entry's panel has no judges at all.</summary>
    NoJudgesInPanel,

    /// <summary>The panel has fewer judges than the entry needs, conflicts aside.</summary>
    TooFewJudgesInPanel,

    /// <summary>The panel has enough judges, but conflicts of interest leave too few eligible.</summary>
    ConflictsOfInterest,
}

/// <summary>
/// Why an entry has fewer judges than wanted: how many judges its panel has, and every conflict of interest that kept one
/// of them away.
/// </summary>
public sealed record Shortfall(Guid EntryId, string Panel, int Wanted, int Assigned, int JudgesInPanel, IReadOnlyList<Conflict> Conflicts)
{
    public ShortfallReason Reason =>
        JudgesInPanel == 0 ? ShortfallReason.NoJudgesInPanel
        : JudgesInPanel < Wanted ? ShortfallReason.TooFewJudgesInPanel
        : ShortfallReason.ConflictsOfInterest;
}

public enum KeptAssignmentProblem
{
    UnknownEntry,
    UnknownJudge,
    JudgeNotInPanel,
    ConflictOfInterest,
    Duplicate,
}

/// <summary>An assignment asked to be kept that breaks a rule, so the plan leaves it out.</summary>
public sealed record DroppedAssignment(Assignment Assignment, KeptAssignmentProblem Problem);

/// <summary>The assignments (kept ones first, in the order given, then new ones), and the explanation of every entry not fully assigned.</summary>
public sealed record AssignmentPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<Shortfall> Shortfalls, IReadOnlyList<DroppedAssignment> Dropped)
{
    public int LoadOf(Guid judgeId) => Assignments.Count(assignment => assignment.JudgeId == judgeId);
}

/// <summary>
/// Assigns each entry to <c>judgesPerEntry</c> judges of its panel. The rules, in order of precedence:
/// <list type="number">
/// <item>no judge is assigned an entry they have a conflict of interest with (<see cref="ConflictsOfInterest"/>), nor twice to one entry;</item>
/// <item>assignments to keep (the organisers' hand adjustments) stay when they break no rule above, and count towards K; an entry with more kept judges than K keeps them all;</item>
/// <item>assignments to exclude (the organisers' hand removals) are not made, unless also asked to be kept;</item>
/// <item>every entry gets min(K, eligible judges of its panel) judges, and the plan explains each entry that gets fewer than K;</item>
/// <item>loads are as even as the rules allow: the plan minimises the sum of squared loads, so whenever the judges of a
/// panel can have loads differing by at most one, they do;</item>
/// <item>everything else (which of equally loaded judges takes an entry) follows the seed: same input and seed, same plan,
/// whatever the order of the input lists.</item>
/// </list>
/// </summary>
public static class JudgeAssignment
{
    public const int DefaultJudgesPerEntry = 3;

    public static AssignmentPlan Plan(
        IReadOnlyList<EntryToAssign> entries,
        IReadOnlyList<JudgeToAssign> judges,
        int judgesPerEntry,
        int seed,
        IReadOnlyList<Assignment>? keep = null,
        IReadOnlyCollection<Assignment>? exclude = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(judgesPerEntry);
        var state = new PlanState(entries, judges, seed, exclude ?? []);
        var dropped = state.Keep(keep ?? []);
        foreach (var entry in entries.OrderBy(entry => state.EligibleCount(entry.EntryId)).ThenBy(entry => state.Key(entry.EntryId)).ThenBy(entry => entry.EntryId))
        {
            state.Fill(entry.EntryId, judgesPerEntry);
        }

        while (state.ImproveOnce())
        {
        }

        return new AssignmentPlan(state.Assignments(keep ?? []), state.Shortfalls(judgesPerEntry), dropped);
    }

    /// <summary>The working state: who is on which entry, which of those are fixed, and each judge's load.</summary>
    private sealed class PlanState
    {
        private readonly int seed;
        private readonly Dictionary<Guid, EntryToAssign> entries = [];
        private readonly Dictionary<Guid, JudgeToAssign> judges = [];
        private readonly Dictionary<Guid, List<Guid>> eligible = [];
        private readonly Dictionary<Guid, List<Guid>> onEntry = [];
        private readonly HashSet<Assignment> kept = [];
        private readonly Dictionary<Guid, int> loads = [];

        public PlanState(IReadOnlyList<EntryToAssign> entries, IReadOnlyList<JudgeToAssign> judges, int seed, IReadOnlyCollection<Assignment> exclude)
        {
            var excluded = exclude.ToHashSet();
            this.seed = seed;
            foreach (var judge in judges)
            {
                this.judges[judge.JudgeId] = judge;
                loads[judge.JudgeId] = 0;
            }

            var judgeOrder = this.judges.Keys.OrderBy(Key).ThenBy(id => id).ToList();
            foreach (var entry in entries)
            {
                this.entries[entry.EntryId] = entry;
                onEntry[entry.EntryId] = [];
                eligible[entry.EntryId] = judgeOrder
                    .Where(judgeId => InPanel(this.judges[judgeId], entry) && ConflictsOf(this.judges[judgeId], entry).Count == 0 && !excluded.Contains(new Assignment(entry.EntryId, judgeId)))
                    .ToList();
            }
        }

        public int EligibleCount(Guid entryId) => eligible[entryId].Count;

        public ulong Key(Guid id) => SeededKey(seed, id);

        public List<DroppedAssignment> Keep(IReadOnlyList<Assignment> keep)
        {
            var dropped = new List<DroppedAssignment>();
            foreach (var assignment in keep)
            {
                var problem = !entries.TryGetValue(assignment.EntryId, out var entry) ? KeptAssignmentProblem.UnknownEntry
                    : !judges.TryGetValue(assignment.JudgeId, out var judge) ? KeptAssignmentProblem.UnknownJudge
                    : !InPanel(judge, entry) ? KeptAssignmentProblem.JudgeNotInPanel
                    : ConflictsOf(judge, entry).Count > 0 ? KeptAssignmentProblem.ConflictOfInterest
                    : kept.Contains(assignment) ? KeptAssignmentProblem.Duplicate
                    : (KeptAssignmentProblem?)null;
                if (problem is { } found)
                {
                    dropped.Add(new DroppedAssignment(assignment, found));
                    continue;
                }

                kept.Add(assignment);
                Add(assignment.EntryId, assignment.JudgeId);
            }

            return dropped;
        }

        /// <summary>Tops the entry up to K with the least loaded eligible judges, ties going the seed's way.</summary>
        public void Fill(Guid entryId, int judgesPerEntry)
        {
            var chosen = eligible[entryId]
                .Where(judgeId => !onEntry[entryId].Contains(judgeId))
                .OrderBy(judgeId => loads[judgeId])
                .Take(Math.Max(0, judgesPerEntry - onEntry[entryId].Count))
                .ToList();
            chosen.ForEach(judgeId => Add(entryId, judgeId));
        }

        /// <summary>
        /// Finds one chain of moves that takes an entry off a judge with load L and, through judges whose load does not
        /// change, onto a judge with load at most L − 2, and applies it. When no such chain exists the sum of squared
        /// loads is minimal (the chains are the negative cycles of the equivalent min-cost flow).
        /// </summary>
        public bool ImproveOnce()
        {
            foreach (var source in loads.Keys.OrderByDescending(judgeId => loads[judgeId]).ThenBy(Key).ThenBy(id => id))
            {
                if (FindChain(source) is { } chain)
                {
                    foreach (var (entryId, from, to) in chain)
                    {
                        onEntry[entryId].Remove(from);
                        onEntry[entryId].Add(to);
                    }

                    loads[chain[0].From]--;
                    loads[chain[^1].To]++;
                    return true;
                }
            }

            return false;
        }

        private List<(Guid EntryId, Guid From, Guid To)>? FindChain(Guid source)
        {
            var target = loads[source] - 2;
            if (target < 0)
            {
                return null;
            }

            var reachedBy = new Dictionary<Guid, (Guid EntryId, Guid From)>();
            var visited = new HashSet<Guid> { source };
            var queue = new Queue<Guid>([source]);
            while (queue.Count > 0)
            {
                var judgeId = queue.Dequeue();
                foreach (var entryId in MovableEntriesOf(judgeId))
                {
                    foreach (var next in eligible[entryId].Where(candidate => !visited.Contains(candidate) && !onEntry[entryId].Contains(candidate)))
                    {
                        visited.Add(next);
                        reachedBy[next] = (entryId, judgeId);
                        if (loads[next] <= target)
                        {
                            return Chain(reachedBy, source, next);
                        }

                        queue.Enqueue(next);
                    }
                }
            }

            return null;
        }

        private static List<(Guid EntryId, Guid From, Guid To)> Chain(Dictionary<Guid, (Guid EntryId, Guid From)> reachedBy, Guid source, Guid end)
        {
            var chain = new List<(Guid, Guid, Guid)>();
            for (var judgeId = end; judgeId != source; judgeId = reachedBy[judgeId].From)
            {
                chain.Add((reachedBy[judgeId].EntryId, reachedBy[judgeId].From, judgeId));
            }

            chain.Reverse();
            return chain;
        }

        private IEnumerable<Guid> MovableEntriesOf(Guid judgeId) =>
            onEntry.Where(pair => pair.Value.Contains(judgeId) && !kept.Contains(new Assignment(pair.Key, judgeId)))
                .Select(pair => pair.Key)
                .OrderBy(Key)
                .ThenBy(id => id);

        public List<Assignment> Assignments(IReadOnlyList<Assignment> keep)
        {
            var fresh = onEntry
                .OrderBy(pair => Key(pair.Key)).ThenBy(pair => pair.Key)
                .SelectMany(pair => pair.Value.OrderBy(Key).ThenBy(id => id).Select(judgeId => new Assignment(pair.Key, judgeId)))
                .Where(assignment => !kept.Contains(assignment));
            return keep.Where(kept.Contains).Distinct().Concat(fresh).ToList();
        }

        public List<Shortfall> Shortfalls(int judgesPerEntry) =>
            entries.Values
                .Where(entry => onEntry[entry.EntryId].Count < judgesPerEntry)
                .OrderBy(entry => entry.EntryId)
                .Select(entry =>
                {
                    var panel = judges.Values.Where(judge => InPanel(judge, entry)).OrderBy(judge => judge.JudgeId).ToList();
                    return new Shortfall(
                        entry.EntryId, entry.Panel, judgesPerEntry, onEntry[entry.EntryId].Count, panel.Count,
                        panel.SelectMany(judge => ConflictsOf(judge, entry)).ToList());
                })
                .ToList();

        private void Add(Guid entryId, Guid judgeId)
        {
            onEntry[entryId].Add(judgeId);
            loads[judgeId]++;
        }

        private static bool InPanel(JudgeToAssign judge, EntryToAssign entry) => judge.Panels.Contains(entry.Panel, StringComparer.Ordinal);

        private static IReadOnlyList<Conflict> ConflictsOf(JudgeToAssign judge, EntryToAssign entry) =>
            ConflictsOfInterest.Between(judge.JudgeId, judge.Affiliations, entry.School, entry.District);
    }

    /// <summary>A stable pseudo-random key per (seed, id): orders by it are shuffles that depend on nothing but the seed.</summary>
    private static ulong SeededKey(int seed, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var hash = Mix((ulong)(uint)seed);
        hash = Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        return Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
    }

    /// <summary>SplitMix64's finaliser: every input bit affects every output bit.</summary>
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
