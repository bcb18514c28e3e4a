using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Demo;
using Contests.Api.Infrastructure;
using Contests.Domain.Judging;
using Marten;

namespace Contests.Api.Judging;

/// <summary>
/// Judging for the demo's qualifying round: a rubric (when none is set), eight judges each declaring one district, one
/// panel of all of them, two judges per entry, and the plan. The first judge is the one the demo's printed judge code
/// signs in as, so the tablet has a worklist at once. Runs once: a second start finds the assignments and adds nothing.
/// </summary>
public static class ScoringDemo
{
    public static readonly Guid DemoJudgeId = StreamIds.For("demo-judge", "0");

    private static readonly string[] Names =
        ["ThS. Nguyễn Văn Minh", "TS. Trần Thị Hương", "KS. Lê Quang Huy", "ThS. Phạm Thu Trang", "KS. Hoàng Đức Anh", "TS. Vũ Thị Lan", "ThS. Đỗ Mạnh Cường", "KS. Ngô Bảo Châu"];

    public static async Task LoadAsync(IDocumentStore store, string organisation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(organisation);
        if (await session.LoadAsync<Contest>(DemoSeeder.ContestId, cancellationToken) is not { } contest ||
            contest.Rounds.FirstOrDefault(round => round.Type == RoundType.JudgedSubmissions) is not { } qualifying ||
            await session.Events.FetchStreamStateAsync(RoundAssignments.IdFor(qualifying.Id), cancellationToken) is not null)
        {
            return;
        }

        var organiser = new Actor("demo", "Ban Tổ chức (dữ liệu mẫu)", Roles.Organiser);
        var judged = new JudgedRound(contest, qualifying);
        var judging = await JudgedRounds.JudgingOf(session, judged, cancellationToken);
        if (judging.Rubric.Criteria.Count == 0)
        {
            var judgingId = RoundJudging.IdFor(qualifying.Id);
            object[] setUp =
            [
                new RubricSet(contest.Id, qualifying.Id,
                [
                    new Criterion("NHIEMVU", "Hoàn thành nhiệm vụ sân thi", 10m, 0.5m, 2m, []),
                    new Criterion("KYTHUAT", "Giải pháp kỹ thuật của robot", 10m, 0.5m, 1m, []),
                    new Criterion("VIDEO", "Video đúng thể lệ, rõ ràng", 5m, 1m, 1m, []),
                ], organiser, now),
                new JudgingSettingsSet(contest.Id, qualifying.Id, JudgingSettings.Default with { JudgesPerEntry = 2 }, organiser, now),
            ];
            if (judging.Version == 0)
            {
                session.Events.StartStream<RoundJudging>(judgingId, setUp);
            }
            else
            {
                session.Events.Append(judgingId, setUp);
            }
        }

        var judgeIds = Names.Select((_, index) => index == 0 ? DemoJudgeId : StreamIds.For("demo-judge", index.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var (name, index) in Names.Select((name, index) => (name, index)))
        {
            var district = contest.Districts[(index + 3) % contest.Districts.Count];
            session.Events.StartStream<Judge>(judgeIds[index], new JudgeAdded(
                judgeIds[index], contest.Id, name, new JudgeAffiliations([], [district], []), null, null, index == 1, organiser, now));
        }

        var panelId = StreamIds.For("demo-panel", qualifying.Id.ToString());
        session.Events.StartStream<Panel>(panelId, new PanelCreated(panelId, contest.Id, qualifying.Id, "Hội đồng chấm vòng loại", [], [], judgeIds, organiser, now));
        await session.SaveChangesAsync(cancellationToken);

        var (assigned, _) = await AssignJudges.Decide(session, judged, RoundAssignments.Unset(contest.Id, qualifying.Id), null, organiser, now, cancellationToken);
        session.Events.StartStream<RoundAssignments>(RoundAssignments.IdFor(qualifying.Id), assigned);
        await session.SaveChangesAsync(cancellationToken);
    }
}
