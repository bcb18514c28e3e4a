using System.Text;
using Contests.Domain.Judging;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Contests.Domain.Tests.Judging.JudgingData;

namespace Contests.Domain.Tests.Judging;

public sealed class AssignmentTests
{
    private static readonly string[] Schools = ["THCS Nguyễn Khắc Nhu", "THCS Lê Quý Đôn", "THPT Ngô Sĩ Liên", "TH Đồng Tâm"];
    private static readonly string[] Districts = ["Việt Yên", "Hiệp Hòa", "Lục Nam", "Yên Thế"];

    private static EntryToAssign EntryIn(int number, string panel = "A", string school = "THCS Nguyễn Khắc Nhu", string district = "Việt Yên") =>
        new(Entry(number), panel, school, district);

    private static JudgeToAssign JudgeIn(int number, string panel = "A", string[]? schools = null, string[]? districts = null, string[]? organisations = null) =>
        new(Judge(number), [panel], new JudgeAffiliations(schools ?? [], districts ?? [], organisations ?? []));

    [Fact]
    public void each_entry_gets_k_judges_of_its_panel_with_loads_within_one()
    {
        var entries = Enumerable.Range(0, 10).Select(number => EntryIn(number, number % 2 == 0 ? "A" : "B")).ToList();
        var judges = Enumerable.Range(0, 8).Select(number => JudgeIn(number, number < 4 ? "A" : "B")).ToList();

        var plan = JudgeAssignment.Plan(entries, judges, 3, seed: 7);

        Assert.Equal(30, plan.Assignments.Count);
        Assert.Empty(plan.Shortfalls);
        Assert.All(plan.Assignments, assignment => Assert.Equal(
            entries.Single(entry => entry.EntryId == assignment.EntryId).Panel,
            judges.Single(judge => judge.JudgeId == assignment.JudgeId).Panels[0]));
        // 15 assignments over 4 judges in each panel: loads 3 and 4 only.
        Assert.All(judges, judge => Assert.InRange(plan.LoadOf(judge.JudgeId), 3, 4));
    }

    [Fact]
    public void an_excluded_pair_is_not_planned_and_another_judge_takes_the_entry()
    {
        var entries = new[] { EntryIn(1) };
        var judges = Enumerable.Range(0, 3).Select(number => JudgeIn(number)).ToList();
        var first = JudgeAssignment.Plan(entries, judges, 1, seed: 5).Assignments.Single();

        var plan = JudgeAssignment.Plan(entries, judges, 1, seed: 5, exclude: [first]);

        Assert.DoesNotContain(first, plan.Assignments);
        Assert.Single(plan.Assignments);
        Assert.Empty(plan.Shortfalls);
        Assert.Contains(first, JudgeAssignment.Plan(entries, judges, 1, seed: 5, keep: [first], exclude: [first]).Assignments);
    }

    [Fact]
    public void a_judge_is_kept_from_their_school_and_district_however_the_names_are_written()
    {
        var entry = EntryIn(1, school: "THCS Nguyễn Khắc Nhu", district: "Hiệp Hòa");
        JudgeToAssign[] judges =
        [
            JudgeIn(1, schools: ["trường thcs nguyễn khắc nhu"]),
            JudgeIn(2, districts: ["HIỆP HOÀ".Normalize(NormalizationForm.FormD)]),
            JudgeIn(3, organisations: ["Trường  THCS Nguyễn Khắc Nhu"]),
            JudgeIn(4, schools: ["THCS Nguyễn Khắc Nhu (cũ)"], districts: ["Hiệp Hoà Bắc"]),
        ];

        var plan = JudgeAssignment.Plan([entry], judges, 3, seed: 1);

        Assert.Equal([new Assignment(Entry(1), Judge(4))], plan.Assignments);
        var shortfall = Assert.Single(plan.Shortfalls);
        Assert.Equal((ShortfallReason.ConflictsOfInterest, 3, 1, 4), (shortfall.Reason, shortfall.Wanted, shortfall.Assigned, shortfall.JudgesInPanel));
        Assert.Equal(
            [(Judge(1), ConflictKind.School), (Judge(2), ConflictKind.District), (Judge(3), ConflictKind.Organisation)],
            shortfall.Conflicts.Select(conflict => (conflict.JudgeId, conflict.Kind)));
    }

    [Fact]
    public void a_shortfall_says_when_the_panel_is_empty_or_too_small()
    {
        var plan = JudgeAssignment.Plan([EntryIn(1, "A"), EntryIn(2, "B")], [JudgeIn(1, "A"), JudgeIn(2, "A")], 3, seed: 1);

        Assert.Equal(
            [(Entry(1), ShortfallReason.TooFewJudgesInPanel, 2), (Entry(2), ShortfallReason.NoJudgesInPanel, 0)],
            plan.Shortfalls.Select(shortfall => (shortfall.EntryId, shortfall.Reason, shortfall.Assigned)));
    }

    [Fact]
    public void kept_assignments_stay_count_towards_k_and_the_rest_is_filled()
    {
        var entries = Enumerable.Range(0, 4).Select(number => EntryIn(number)).ToList();
        var judges = Enumerable.Range(0, 4).Select(number => JudgeIn(number)).ToList();
        Assignment[] keep = [new(Entry(0), Judge(0)), new(Entry(0), Judge(1))];

        var plan = JudgeAssignment.Plan(entries, judges, 2, seed: 3, keep);

        Assert.Equal(keep, plan.Assignments.Take(2));
        Assert.Equal(2, plan.Assignments.Count(assignment => assignment.EntryId == Entry(0)));
        Assert.Equal(8, plan.Assignments.Count);
        Assert.All(judges, judge => Assert.Equal(2, plan.LoadOf(judge.JudgeId)));
    }

    [Fact]
    public void kept_assignments_that_break_a_rule_are_dropped_and_said_why()
    {
        EntryToAssign[] entries = [EntryIn(0, school: "TH Đồng Tâm"), EntryIn(1, "B")];
        JudgeToAssign[] judges = [JudgeIn(0, schools: ["Trường TH Đồng Tâm"]), JudgeIn(1)];
        Assignment[] keep = [new(Entry(0), Judge(0)), new(Entry(1), Judge(1)), new(Entry(9), Judge(1)), new(Entry(0), Judge(9)), new(Entry(0), Judge(1)), new(Entry(0), Judge(1))];

        var plan = JudgeAssignment.Plan(entries, judges, 1, seed: 3, keep);

        Assert.Equal(
            [KeptAssignmentProblem.ConflictOfInterest, KeptAssignmentProblem.JudgeNotInPanel, KeptAssignmentProblem.UnknownEntry,
             KeptAssignmentProblem.UnknownJudge, KeptAssignmentProblem.Duplicate],
            plan.Dropped.Select(dropped => dropped.Problem));
        Assert.Equal([new Assignment(Entry(0), Judge(1))], plan.Assignments);
    }

    [Fact]
    public void another_seed_gives_another_plan_of_the_same_quality()
    {
        var entries = Enumerable.Range(0, 12).Select(number => EntryIn(number)).ToList();
        var judges = Enumerable.Range(0, 6).Select(number => JudgeIn(number)).ToList();

        var plans = Enumerable.Range(0, 5).Select(seed => JudgeAssignment.Plan(entries, judges, 3, seed)).ToList();

        Assert.True(plans.Select(plan => string.Join(",", plan.Assignments)).Distinct().Count() > 1);
        Assert.All(plans, plan => Assert.All(judges, judge => Assert.Equal(6, plan.LoadOf(judge.JudgeId))));
    }

    // ---- Properties over generated contests ----

    /// <summary>An entry or judge as generated, with the canonical names the test compares independently of the code under test.</summary>
    private sealed record GeneratedEntry(EntryToAssign Entry, string School, string District);

    private sealed record GeneratedJudge(JudgeToAssign Judge, string[] Schools, string[] Districts);

    private sealed record Instance(GeneratedEntry[] Entries, GeneratedJudge[] Judges, int K, int Seed)
    {
        public IReadOnlyList<EntryToAssign> EntryList => Entries.Select(entry => entry.Entry).ToList();

        public IReadOnlyList<JudgeToAssign> JudgeList => Judges.Select(judge => judge.Judge).ToList();

        public static bool Conflicted(GeneratedJudge judge, GeneratedEntry entry) =>
            judge.Schools.Contains(entry.School) || judge.Districts.Contains(entry.District);

        public GeneratedJudge[] EligibleFor(GeneratedEntry entry) =>
            Judges.Where(judge => judge.Judge.Panels.Contains(entry.Entry.Panel) && !Conflicted(judge, entry)).ToArray();

        public override string ToString() =>
            $"K={K} seed={Seed}; entries: {string.Join("; ", Entries.Select(entry => $"{entry.Entry.Panel}/{entry.School}/{entry.District}"))}; " +
            $"judges: {string.Join("; ", Judges.Select(judge => $"{string.Join("+", judge.Judge.Panels)}/{string.Join("+", judge.Schools)}/{string.Join("+", judge.Districts)}"))}";
    }

    /// <summary>The same name as people type it: any case, NFD or NFC, extra spaces, and for schools an optional "Trường".</summary>
    private static Gen<string> Spelling(string name, bool school) =>
        from upper in Gen.Elements(true, false)
        from decomposed in Gen.Elements(true, false)
        from prefix in school ? Gen.Elements("", "Trường ", "trường  ") : Gen.Constant("")
        let cased = upper ? name.ToUpperInvariant() : name
        select prefix + (decomposed ? cased.Normalize(NormalizationForm.FormD) : cased) + " ";

    private static Gen<GeneratedEntry> Entries(int number, string[] panels) =>
        from panel in Gen.Elements(panels)
        from school in Gen.Elements(Schools)
        from district in Gen.Elements(Districts)
        from schoolSpelling in Spelling(school, school: true)
        from districtSpelling in Spelling(district, school: false)
        select new GeneratedEntry(new EntryToAssign(Entry(number), panel, schoolSpelling, districtSpelling), school, district);

    private static Gen<GeneratedJudge> Judges(int number, string[] panels, bool severalPanels) =>
        from panel in Gen.Elements(panels)
        from second in severalPanels ? Gen.Elements(panels) : Gen.Constant(panel)
        from schools in Gen.SubListOf(Schools).Where(list => list.Count <= 2)
        from districts in Gen.SubListOf(Districts).Where(list => list.Count <= 1)
        from schoolSpellings in Gen.CollectToArray(schools.Select(school => Spelling(school, school: true)))
        from districtSpellings in Gen.CollectToArray(districts.Select(district => Spelling(district, school: false)))
        from asOrganisation in Gen.Elements(true, false)
        select new GeneratedJudge(
            new JudgeToAssign(Judge(number), new[] { panel, second }.Distinct().ToList(),
                asOrganisation ? new JudgeAffiliations([], districtSpellings, schoolSpellings) : new JudgeAffiliations(schoolSpellings, districtSpellings, [])),
            schools.ToArray(), districts.ToArray());

    private static Gen<Instance> Instances(int maxEntries, int maxJudges, string[] panels, bool severalPanels, int maxK) =>
        from entryCount in Gen.Choose(1, maxEntries)
        from judgeCount in Gen.Choose(1, maxJudges)
        from entries in Gen.CollectToArray(Enumerable.Range(0, entryCount).Select(number => Entries(number, panels)))
        from judges in Gen.CollectToArray(Enumerable.Range(0, judgeCount).Select(number => Judges(number, panels, severalPanels)))
        from k in Gen.Choose(1, maxK)
        from seed in Gen.Choose(int.MinValue, int.MaxValue)
        select new Instance(entries, judges, k, seed);

    private static Arbitrary<Instance> Contests() => Instances(14, 8, ["A", "B"], severalPanels: true, maxK: 4).ToArbitrary();

    private static AssignmentPlan PlanFor(Instance instance, IReadOnlyList<Assignment>? keep = null) =>
        JudgeAssignment.Plan(instance.EntryList, instance.JudgeList, instance.K, instance.Seed, keep);

    [Property]
    public Property no_judge_is_ever_assigned_an_entry_they_have_a_conflict_with() =>
        Prop.ForAll(Contests(), instance => PlanFor(instance).Assignments.All(assignment =>
            !Instance.Conflicted(instance.Judges.Single(judge => judge.Judge.JudgeId == assignment.JudgeId), instance.Entries.Single(entry => entry.Entry.EntryId == assignment.EntryId))));

    [Property]
    public Property no_judge_sits_twice_on_an_entry_and_every_judge_is_of_the_entrys_panel() =>
        Prop.ForAll(Contests(), instance =>
        {
            var plan = PlanFor(instance);
            return plan.Assignments.Distinct().Count() == plan.Assignments.Count
                && plan.Assignments.All(assignment => instance.Judges.Single(judge => judge.Judge.JudgeId == assignment.JudgeId).Judge.Panels
                    .Contains(instance.Entries.Single(entry => entry.Entry.EntryId == assignment.EntryId).Entry.Panel));
        });

    [Property]
    public Property every_entry_gets_k_judges_or_every_eligible_judge_and_each_shortfall_is_explained() =>
        Prop.ForAll(Contests(), instance =>
        {
            var plan = PlanFor(instance);
            return instance.Entries.All(entry =>
            {
                var assigned = plan.Assignments.Count(assignment => assignment.EntryId == entry.Entry.EntryId);
                var eligible = instance.EligibleFor(entry).Length;
                var shortfall = plan.Shortfalls.SingleOrDefault(item => item.EntryId == entry.Entry.EntryId);
                var conflicted = instance.Judges.Count(judge => judge.Judge.Panels.Contains(entry.Entry.Panel) && Instance.Conflicted(judge, entry));
                return assigned == Math.Min(instance.K, eligible)
                    && (assigned < instance.K
                        ? shortfall is not null && shortfall.Assigned == assigned && shortfall.Conflicts.Select(conflict => conflict.JudgeId).Distinct().Count() == conflicted
                        : shortfall is null);
            });
        });

    [Property]
    public Property the_same_seed_gives_the_same_plan_whatever_the_order_of_the_lists() =>
        Prop.ForAll(
            Instances(14, 8, ["A", "B"], severalPanels: true, maxK: 4)
                .SelectMany(instance => Gen.Zip(Gen.Shuffle(instance.Entries), Gen.Shuffle(instance.Judges))
                    .Select(shuffled => (instance, reordered: instance with { Entries = shuffled.Item1, Judges = shuffled.Item2 })))
                .ToArbitrary(),
            pair =>
            {
                var first = PlanFor(pair.instance);
                var again = PlanFor(pair.instance);
                var reordered = PlanFor(pair.reordered);
                return first.Assignments.SequenceEqual(again.Assignments)
                    && first.Assignments.SequenceEqual(reordered.Assignments)
                    && first.Shortfalls.Select(item => (item.EntryId, item.Assigned)).SequenceEqual(reordered.Shortfalls.Select(item => (item.EntryId, item.Assigned)));
            });

    [Property]
    public Property without_conflicts_loads_in_each_panel_differ_by_at_most_one() =>
        Prop.ForAll(Instances(30, 10, ["A", "B", "C"], severalPanels: false, maxK: 4).ToArbitrary(), instance =>
        {
            var free = instance with { Judges = instance.Judges.Select(judge => judge with { Judge = judge.Judge with { Affiliations = JudgeAffiliations.None }, Schools = [], Districts = [] }).ToArray() };
            var plan = PlanFor(free);
            return free.Judges.GroupBy(judge => judge.Judge.Panels[0]).All(panel =>
            {
                var loads = panel.Select(judge => plan.LoadOf(judge.Judge.JudgeId)).ToList();
                return loads.Max() - loads.Min() <= 1;
            });
        });

    /// <summary>Small one-panel contests, where every way of assigning them can be tried.</summary>
    private static Arbitrary<Instance> SmallPanels() => Instances(5, 4, ["A"], severalPanels: false, maxK: 3).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property loads_are_balanced_whenever_some_assignment_balances_them() =>
        Prop.ForAll(SmallPanels(), instance =>
        {
            var plan = PlanFor(instance);
            var loads = instance.Judges.Select(judge => plan.LoadOf(judge.Judge.JudgeId)).ToList();
            return loads.Max() - loads.Min() <= 1 || !SomeAssignmentIsBalanced(instance);
        });

    private static bool SomeAssignmentIsBalanced(Instance instance)
    {
        var choices = instance.Entries
            .Select(entry => Subsets(instance.EligibleFor(entry).Select(judge => judge.Judge.JudgeId).ToList(), Math.Min(instance.K, instance.EligibleFor(entry).Length)).ToList())
            .ToList();
        var loads = instance.Judges.ToDictionary(judge => judge.Judge.JudgeId, _ => 0);
        return Search(0);

        bool Search(int index)
        {
            if (index == choices.Count)
            {
                return loads.Values.Max() - loads.Values.Min() <= 1;
            }

            foreach (var subset in choices[index])
            {
                subset.ForEach(judgeId => loads[judgeId]++);
                var found = Search(index + 1);
                subset.ForEach(judgeId => loads[judgeId]--);
                if (found)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static IEnumerable<List<Guid>> Subsets(List<Guid> items, int size) =>
        size == 0 ? [[]]
        : items.Count < size ? []
        : Subsets(items[1..], size - 1).Select(rest => (List<Guid>)[items[0], .. rest]).Concat(Subsets(items[1..], size));

    [Property]
    public Property kept_assignments_that_break_no_rule_all_stay_and_the_others_are_dropped() =>
        Prop.ForAll(
            Instances(10, 6, ["A", "B"], severalPanels: true, maxK: 3)
                .SelectMany(instance => Gen.SubListOf(
                        instance.Entries.SelectMany(entry => instance.Judges.Select(judge => new Assignment(entry.Entry.EntryId, judge.Judge.JudgeId))))
                    .Select(keep => (instance, keep: keep.ToList())))
                .ToArbitrary(),
            pair =>
            {
                var plan = PlanFor(pair.instance, pair.keep);
                bool Valid(Assignment assignment)
                {
                    var entry = pair.instance.Entries.Single(item => item.Entry.EntryId == assignment.EntryId);
                    var judge = pair.instance.Judges.Single(item => item.Judge.JudgeId == assignment.JudgeId);
                    return judge.Judge.Panels.Contains(entry.Entry.Panel) && !Instance.Conflicted(judge, entry);
                }

                return pair.keep.Where(Valid).All(plan.Assignments.Contains)
                    && pair.keep.Where(assignment => !Valid(assignment)).SequenceEqual(plan.Dropped.Select(dropped => dropped.Assignment));
            });
}
