using System.Text;
using Alba;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Entries;
using Contests.Api.Exports;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Api.Tests.Support;
using Contests.Domain.Import;

namespace Contests.Api.Tests.Exports;

[Collection(AppCollection.Name)]
public sealed class DistrictResultCountsTests(AppFixture app)
{
    private static readonly Actor Organiser = new("organiser", "Ban Tổ chức", Roles.Organiser);

    [Fact]
    public async Task the_district_summary_counts_entries_submitted_teams_advanced_and_awards_by_tier()
    {
        var contest = await app.CreateContest();
        var withRounds = await app.Change(HttpMethod.Put, $"/api/contests/{contest.Id}/rounds", new
        {
            rounds = new[]
            {
                new { name = "Vòng sơ khảo trực tuyến", level = "Province", type = "JudgedSubmissions" },
                new { name = "Chung kết", level = "Province", type = "Matches" },
            },
        }, Roles.Organiser, "\"1\"", 200);
        var rounds = (await withRounds.ReadAsJsonAsync<ContestView>())!.Rounds;
        var (online, final) = (rounds[0].Id, rounds[1].Id);
        var teams = new List<Guid>();
        foreach (var (name, district) in new[] { ("Đội Sao Mai", "Việt Yên"), ("Đội Hoa Sen", "Việt Yên"), ("Đội Lục Ngạn", "Lục Nam") })
        {
            var registered = await app.Host.Scenario(scenario =>
            {
                scenario.Post.Json(Requests.Team(name, district)).ToUrl($"/api/contests/{contest.Id}/teams");
                scenario.StatusCodeShouldBe(201);
            });
            teams.Add((await registered.ReadAsJsonAsync<TeamRegistration>())!.Team.Id);
        }

        // Sao Mai submits twice (one entry) and advances; Lục Ngạn submits; Hoa Sen submits nothing.
        await Submit(contest.Id, online, teams[0], 1);
        await Submit(contest.Id, online, teams[0], 2);
        await Submit(contest.Id, online, teams[2], 1);
        await Append(RoundAdvancement.IdFor(online), new TeamAdvanced(online, final, teams[0], AdvancementBasis.Rule, Organiser, app.Clock.GetUtcNow()));
        var awards = $"/api/contests/{contest.Id}/rounds/{online}/awards";
        await app.Change(HttpMethod.Put, awards, new
        {
            divisions = new[] { new { divisionCode = "THCS", tiers = new object[] { new { tier = "First", count = 1 }, new { tier = "Second", count = 1 } } } },
        }, Roles.Organiser, "\"0\"", 200);
        await app.Change(HttpMethod.Post, $"{awards}/THCS/decision", new
        {
            entries = teams.Zip(new[] { 90m, 80m, 70m }, (teamId, score) => new { teamId, score }).ToArray(),
        }, Roles.Organiser, "\"1\"", 200);

        var bytes = await app.Bytes($"/api/contests/{contest.Id}/exports/district-summary?format=csv", await app.SessionFor(Roles.Organiser));
        var rows = CsvText.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        Assert.Equal(
            ["Số bài dự thi đã nộp", "Số đội được đi tiếp", "Giải Đặc biệt", "Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích"],
            rows[0].Skip(5));
        Assert.Equal(["1", "1", "0", "1", "1", "0", "0"], rows.Single(row => row[0] == "Việt Yên").Skip(5));
        Assert.Equal(["1", "0", "0", "0", "0", "0", "0"], rows.Single(row => row[0] == "Lục Nam").Skip(5));
        Assert.Equal(["2", "1", "0", "1", "1", "0", "0"], rows.Single(row => row[0] == DistrictSummaryExport.TotalRow).Skip(5));
    }

    private Task Submit(Guid contestId, Guid roundId, Guid teamId, int revision) =>
        Append(Entry.IdFor(roundId, teamId), new EntryRevisionSubmitted(
            Entry.IdFor(roundId, teamId), contestId, roundId, teamId, revision, new EntryContent("Máy tưới cây tự động", "Mô tả", null, [], []), false, null,
            new Actor(teamId.ToString(), "Đội", Roles.Team), app.Clock.GetUtcNow()));

    private async Task Append(Guid streamId, object @event)
    {
        await using var session = app.LightweightSession();
        session.Events.Append(streamId, @event);
        await session.SaveChangesAsync();
    }
}
