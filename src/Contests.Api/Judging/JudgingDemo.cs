using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Demo;
using Contests.Api.Entries;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Domain;
using Contests.Domain.Demo;
using Contests.Domain.Judging;
using Marten;

namespace Contests.Api.Judging;

/// <summary>
/// Judging of the demo's online qualifying round, well under way: a rubric and settings (unless set already), a panel
/// of judges per division, assignments planned by the same rules as the organisers' plan, and submitted sheets for
/// most entries. Some sheets are missing (one judge is behind), a few were corrected with a reason, and one judge
/// scores clearly lower than the others, so the organisers' progress, outlier and ranking views have something to
/// show. Appended in one session; runs once: a second start finds the assignments and adds nothing.
/// </summary>
public static class JudgingDemo
{
    public const string SevereJudge = "ThS. Nghiêm Khắc Nghị";
    public const string LateJudge = "KS. Chậm Văn Trễ";
    private const int Seed = 2024;

    private static readonly Actor Organiser = new("demo", "Ban Tổ chức (dữ liệu mẫu)", Roles.Organiser);

    private static readonly Rubric QualifyingRubric = new(
    [
        new Criterion("NHIEMVU", "Hoàn thành nhiệm vụ thi", 10m, 0.5m, 3m, []),
        new Criterion("KYTHUAT", "Kết cấu và kỹ thuật robot", 10m, 0.5m, 2m, []),
        new Criterion("DIEUKHIEN", "Điều khiển và độ ổn định", 10m, 0.5m, 2m, []),
        new Criterion("SANGTAO", "Tính sáng tạo", 10m, 0.5m, 1m, []),
        new Criterion("VIDEO", "Video và thuyết minh", 10m, 0.5m, 1m, []),
    ]);

    private static readonly JudgingSettings QualifyingSettings = new(
        AggregationMethod.Mean, 1, 3,
        [new TieBreakRule(TieBreakKind.HigherCriterion, "NHIEMVU"), new TieBreakRule(TieBreakKind.HigherMedian), new TieBreakRule(TieBreakKind.OrganiserDecision)]);

    /// <summary>Per division: the panel's judges, each with the district they declared (kept away from its teams).</summary>
    private static readonly (string Division, (string Name, string District, double Bias)[] Judges)[] Panels =
    [
        ("TH", [("TS. Nguyễn Thị Hoa", "Lục Nam", 0.02), ("ThS. Trần Văn Bình", "Hiệp Hòa", -0.03), ("ThS. Lê Thu Trang", "Sơn Động", 0.0)]),
        ("THCS", [("PGS. Đỗ Minh Chủ", "TP Bắc Giang", 0.01), ("ThS. Bùi Thị Lan", "Yên Thế", 0.03), (SevereJudge, "Lạng Giang", -0.24), ("TS. Hà Văn Cường", "Lục Ngạn", -0.02)]),
        ("THPT", [("TS. Phạm Quốc Huy", "Việt Yên", 0.0), ("ThS. Vũ Thị Mai", "Tân Yên", 0.02), (LateJudge, "Yên Dũng", -0.01), ("KS. Đặng Văn Long", "Hiệp Hòa", 0.04)]),
    ];

    /// <summary>The judge the demo's printed judge code signs in as: the one who is behind, so the tablet has entries left to score.</summary>
    public static Guid DemoJudgeId { get; } = JudgeIdFor(DemoSeeder.ContestId, LateJudge);

    private static Guid JudgeIdFor(Guid contestId, string name) => StreamIds.For($"demo-judge/{contestId}", name);

    /// <summary>Answers how many sheets it submitted (0 when already loaded, or the demo has no qualifying entries).</summary>
    public static async Task<int> LoadAsync(IDocumentStore store, string organisation, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(organisation);
        if (await session.LoadAsync<Contest>(DemoSeeder.ContestId, cancellationToken) is not { } contest ||
            contest.Rounds.FirstOrDefault(round => round.Type == Contests.RoundType.JudgedSubmissions) is not { } round ||
            await session.Events.FetchStreamStateAsync(RoundAssignments.IdFor(round.Id), cancellationToken) is not null)
        {
            return 0;
        }

        var entries = await session.Query<Entry>().Where(entry => entry.RoundId == round.Id).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var teams = (await session.LoadManyAsync<Team>(cancellationToken, entries.Select(entry => entry.TeamId))).ToDictionary(team => team.Id);
        var start = VietnamTime.ToInstant(RoboconQualifying2024.ClosesAt.AddHours(15));
        var rubric = await RubricOf(session, contest, round, start, cancellationToken);

        var judges = new List<(Guid Id, string Division, string Name, string District, double Bias)>();
        foreach (var (division, members) in Panels.Where(panel => contest.Divisions.Any(known => known.Code == panel.Division)))
        {
            var ids = new List<Guid>();
            foreach (var (name, district, bias) in members)
            {
                var judgeId = JudgeIdFor(contest.Id, name);
                session.Events.StartStream<Judge>(judgeId, new JudgeAdded(
                    judgeId, contest.Id, name, new JudgeAffiliations([], [district], []), null, null, name == "PGS. Đỗ Minh Chủ", Organiser, start));
                judges.Add((judgeId, division, name, district, bias));
                ids.Add(judgeId);
            }

            var panelId = StreamIds.For($"demo-panel/{round.Id}", division);
            session.Events.StartStream<Panel>(panelId, new PanelCreated(
                panelId, contest.Id, round.Id, $"Hội đồng {division}", [division], [], ids, Organiser, start));
        }

        var plan = JudgeAssignment.Plan(
            entries.Where(entry => teams.ContainsKey(entry.TeamId))
                .Select(entry => new EntryToAssign(entry.Id, teams[entry.TeamId].DivisionCode, teams[entry.TeamId].School, teams[entry.TeamId].District))
                .ToList(),
            judges.Select(judge => new JudgeToAssign(judge.Id, [judge.Division], new JudgeAffiliations([], [judge.District], [])))
                .ToList(),
            QualifyingSettings.JudgesPerEntry,
            Seed);
        var teamOf = entries.ToDictionary(entry => entry.Id, entry => entry.TeamId);
        session.Events.StartStream(RoundAssignments.IdFor(round.Id), new JudgesAssigned(
            contest.Id, round.Id, Seed, plan.Assignments.Select(assignment => new AssignedEntry(assignment.EntryId, teamOf[assignment.EntryId], assignment.JudgeId)).ToList(),
            plan.Shortfalls, Organiser, start));

        var submitted = SubmitSheets(session, contest.Id, round.Id, rubric, plan.Assignments, judges.ToDictionary(judge => judge.Id), teams, teamOf, start.AddHours(1));
        await session.SaveChangesAsync(cancellationToken);
        return submitted;
    }

    /// <summary>The round's rubric as set, or the demo's own, set now with the demo's settings.</summary>
    private static async Task<Rubric> RubricOf(IDocumentSession session, Contest contest, RoundDefinition round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<RoundJudging>(RoundJudging.IdFor(round.Id), cancellationToken) is { Rubric.Criteria.Count: > 0 } judging)
        {
            return judging.Rubric;
        }

        session.Events.Append(RoundJudging.IdFor(round.Id),
            new RubricSet(contest.Id, round.Id, QualifyingRubric.Criteria, Organiser, at),
            new JudgingSettingsSet(contest.Id, round.Id, QualifyingSettings, Organiser, at));
        return QualifyingRubric;
    }

    /// <summary>
    /// Each entry has a quality (a share of the maximum); a judge's values are that share moved by their own bias and a
    /// little noise, on the criterion's steps. The late judge has not sent about a third of theirs; a few others are
    /// missing here and there; every fiftieth sheet was corrected by its judge.
    /// </summary>
    private static int SubmitSheets(
        IDocumentSession session, Guid contestId, Guid roundId, Rubric rubric, IReadOnlyList<Assignment> assignments,
        Dictionary<Guid, (Guid Id, string Division, string Name, string District, double Bias)> judges, Dictionary<Guid, Team> teams,
        Dictionary<Guid, Guid> teamOf, DateTimeOffset from)
    {
        var random = new Random(Seed);
        var quality = assignments.Select(assignment => assignment.EntryId).Distinct().ToDictionary(entryId => entryId, _ => 0.3 + (0.6 * random.NextDouble()));
        var at = from;
        var count = 0;
        foreach (var assignment in assignments)
        {
            var judge = judges[assignment.JudgeId];
            var missing = judge.Name == LateJudge ? random.NextDouble() < 0.35 : random.NextDouble() < 0.03;
            if (missing)
            {
                continue;
            }

            var team = teams[teamOf[assignment.EntryId]];
            var actor = new Actor(judge.Id.ToString(), judge.Name, Roles.Judge);
            at = at.AddSeconds(10 + random.Next(20));
            var scores = Sheet(rubric, team.DivisionCode, quality[assignment.EntryId] + judge.Bias, random);
            var events = new List<object>
            {
                new ScoreSubmitted(contestId, roundId, assignment.EntryId, team.Id, judge.Id, team.DivisionCode, scores, rubric.WeightedTotal(team.DivisionCode, scores),
                    random.Next(4) == 0 ? "Robot chạy ổn định, cần gọn dây hơn." : null, null, actor, at),
            };
            if (++count % 50 == 0)
            {
                var corrected = Sheet(rubric, team.DivisionCode, quality[assignment.EntryId] + judge.Bias, random);
                events.Add(new ScoreCorrected(contestId, roundId, assignment.EntryId, team.Id, judge.Id, team.DivisionCode, corrected,
                    rubric.WeightedTotal(team.DivisionCode, corrected), null, "Nhập nhầm điểm, xem lại video", null, actor, at.AddMinutes(20)));
            }

            session.Events.StartStream(ScoreSheetStream.IdFor(roundId, assignment.EntryId, judge.Id), events.ToArray());
        }

        return count;
    }

    private static List<CriterionScore> Sheet(Rubric rubric, string division, double share, Random random) =>
        rubric.For(division).Select(criterion =>
        {
            var value = Math.Clamp(share + ((random.NextDouble() - 0.5) * 0.16), 0, 1) * (double)criterion.Maximum;
            return new CriterionScore(criterion.Code, Math.Round((decimal)value / criterion.Step, MidpointRounding.AwayFromZero) * criterion.Step);
        }).ToList();
}
