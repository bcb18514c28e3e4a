using Alba;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Judging;
using Contests.Api.Tests.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Judging;
using Marten;
using Marten.Events;

namespace Contests.Api.Tests.Judging;

/// <summary>A registered team's entry in a judged round, as the scoring events name it.</summary>
public sealed record ScoredEntry(Guid EntryId, Guid TeamId, string Division);

/// <summary>
/// Writes judging's contract events straight to their streams, as the write side would, so that the read side is tested
/// on its own: assignments, submitted and corrected sheets. Sheets score NOVELTY and SCIENCE (and USE in THPT).
/// </summary>
public sealed class ScoringStreams(AppFixture app, Guid contestId, Guid roundId)
{
    private static readonly Actor Organiser = new("organiser", "Ban Tổ chức", Roles.Organiser);

    public DateTimeOffset Now { get; set; } = new(2024, 6, 30, 9, 0, 0, TimeSpan.FromHours(7));

    public async Task<ScoredEntry> Entry(string name)
    {
        var team = await app.RegisterTeam(contestId, name);
        return new ScoredEntry(Api.Entries.Entry.IdFor(roundId, team.Id), team.Id, "THCS");
    }

    /// <summary>Teams named "prefix A", "prefix B", …: names one letter apart give their members distinct birth dates.</summary>
    public async Task<IReadOnlyList<ScoredEntry>> Entries(int count, string prefix = "Đội")
    {
        var entries = new List<ScoredEntry>();
        for (var index = 0; index < count; index++)
        {
            entries.Add(await Entry($"{prefix} {(char)('A' + index)}"));
        }

        return entries;
    }

    public async Task Assign(IEnumerable<ScoredEntry> entries, params Guid[] judges)
    {
        var assignments = entries.SelectMany(entry => judges.Select(judge => new AssignedEntry(entry.EntryId, entry.TeamId, judge))).ToList();
        await Append(StreamIds.For("round-assignments", roundId.ToString()), new JudgesAssigned(contestId, roundId, 7, assignments, [], Organiser, Now));
    }

    public async Task Relieve(ScoredEntry entry, Guid judge) =>
        await Append(
            StreamIds.For("round-assignments", roundId.ToString()),
            new JudgeAssignmentRemoved(contestId, roundId, new AssignedEntry(entry.EntryId, entry.TeamId, judge), "Xung đột lợi ích", Organiser, Now));

    /// <summary>A sheet of NOVELTY (weight 2) and SCIENCE (weight 1); its total is 2 × novelty + science.</summary>
    public async Task Submit(ScoredEntry entry, Guid judge, decimal novelty, decimal science, string? comment = null) =>
        await Append(SheetStream(entry, judge), new ScoreSubmitted(
            contestId, roundId, entry.EntryId, entry.TeamId, judge, entry.Division, Scores(novelty, science), (2 * novelty) + science, comment, Guid.NewGuid().ToString(),
            new Actor(judge.ToString(), "Giám khảo", Roles.Judge), Now));

    public async Task Correct(ScoredEntry entry, Guid judge, decimal novelty, decimal science, string reason, Actor by) =>
        await Append(SheetStream(entry, judge), new ScoreCorrected(
            contestId, roundId, entry.EntryId, entry.TeamId, judge, entry.Division, Scores(novelty, science), (2 * novelty) + science, null, reason,
            Guid.NewGuid().ToString(), by, Now));

    /// <summary>Waits until the async daemon has applied everything appended so far.</summary>
    public Task Settled() => app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    private static IReadOnlyList<CriterionScore> Scores(decimal novelty, decimal science) => [new("NOVELTY", novelty), new("SCIENCE", science)];

    private Guid SheetStream(ScoredEntry entry, Guid judge) => StreamIds.For("score-sheet", $"{roundId}/{entry.EntryId}/{judge}");

    private async Task Append(Guid streamId, object @event)
    {
        await using var session = app.LightweightSession();
        session.Events.Append(streamId, @event);
        await session.SaveChangesAsync();
        Now = Now.AddMinutes(1);
    }
}

public static class JudgingResultsApi
{
    public static async Task SetUpJudging(this AppFixture app, JudgedContest judged, object? settings = null)
    {
        await app.Change(HttpMethod.Put, $"{judged.Round}/judging/rubric", JudgingApi.CreativityRubric, Roles.Organiser, "\"0\"", 200);
        await app.Change(HttpMethod.Put, $"{judged.Round}/judging/settings", settings ?? new { method = "Mean" }, Roles.Organiser, "\"1\"", 200);
    }

    public static async Task<T> Read<T>(this AppFixture app, string url, string role = Roles.Organiser) =>
        (await (await app.Get(url, role)).ReadAsJsonAsync<T>())!;
}
