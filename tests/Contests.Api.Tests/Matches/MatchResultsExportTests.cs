using System.Text;
using Contests.Api.Access;
using Contests.Api.Matches;
using Contests.Api.Tests.Exports;
using Contests.Api.Tests.Support;

namespace Contests.Api.Tests.Matches;

[Collection(AppCollection.Name)]
public sealed class MatchResultsExportTests(AppFixture app)
{
    /// <summary>A final of four teams in one group: the first match confirmed 5–2 in seeds, the second submitted only.</summary>
    private async Task<(MatchRoundScenario Final, MatchRoundView Round)> PlayedFinal()
    {
        var final = await MatchRoundScenario.Create(app, 4);
        var round = await final.Draw(groups: 1);
        await final.Play(round.Matches[0].Code, 5, 2);
        await final.Submit(round.Matches[1].Code, MatchRoundScenario.Sheet(1, 1));
        return (final, round);
    }

    private static Dictionary<string, XlsxCell> ByColumn(IReadOnlyList<XlsxCell> row) => row.ToDictionary(cell => new string([.. cell.Reference.TakeWhile(char.IsLetter)]));

    [Fact]
    public async Task match_results_export_a_sheet_of_matches_with_officials_and_one_of_standings()
    {
        var (final, round) = await PlayedFinal();
        var (confirmed, waiting) = (round.Matches[0], round.Matches[1]);
        string TeamName(Guid? team) => round.Teams.Single(known => known.TeamId == team).Name;
        var history = (await final.Match(confirmed.Code)).History;

        var package = XlsxPackage.Open(await app.Bytes($"/api/contests/{final.ContestId}/exports/match-results?round={final.RoundId}", await app.SessionFor(Roles.Organiser)));

        Assert.Equal([MatchResultsExport.MatchesSheet, MatchResultsExport.StandingsSheet], package.Sheets.Select(sheet => sheet.Name));
        var matches = package[MatchResultsExport.MatchesSheet];
        Assert.Equal(MatchResultsExport.MatchColumns.Select(column => column.Header), matches.Header);
        Assert.Equal(6 + 1, matches.Rows.Count); // a round robin of four teams, and the header
        var first = ByColumn(matches.Rows[1]);
        Assert.Equal(
            ("Chung kết", confirmed.Code, "Vòng bảng", TeamName(confirmed.Red), TeamName(confirmed.Blue), "50", "20", TeamName(confirmed.Red), "Đã xác nhận"),
            (first["A"].Value, first["B"].Value, first["C"].Value, first["G"].Value, first["H"].Value, first["I"].Value, first["J"].Value, first["K"].Value, first["L"].Value));
        Assert.Equal((null, null), (first["I"].Type, first["J"].Type)); // scores are numbers
        Assert.Equal((history[0].By.Name, history[1].By.Name), (first["M"].Value, first["N"].Value));
        Assert.Equal(3, first["O"].Style); // confirmed at: a date and time
        Assert.Equal(("b", "0"), (first["P"].Type, first["P"].Value));
        var second = ByColumn(matches.Rows[2]);
        Assert.Equal((waiting.Code, "Hòa", "Chờ trọng tài chính xác nhận"), (second["B"].Value, second["K"].Value, second["L"].Value));
        Assert.False(second.ContainsKey("N"));
        Assert.All(matches.Rows.Skip(3), row => Assert.Equal("Chưa thi đấu", row.Single(cell => cell.Reference.StartsWith('L')).Value));

        var standings = package[MatchResultsExport.StandingsSheet];
        Assert.Equal(MatchResultsExport.StandingColumns.Select(column => column.Header), standings.Header);
        Assert.Equal(4 + 1, standings.Rows.Count);
        var top = ByColumn(standings.Rows[1]);
        Assert.Equal(("1", TeamName(confirmed.Red), "1", "1", "3", "50", "20", "0"),
            (top["C"].Value, top["D"].Value, top["G"].Value, top["H"].Value, top["K"].Value, top["L"].Value, top["M"].Value, top["O"].Value));
    }

    [Fact]
    public async Task match_results_as_csv_put_the_standings_under_their_own_header()
    {
        var (final, _) = await PlayedFinal();

        var bytes = await app.Bytes($"/api/contests/{final.ContestId}/exports/match-results?format=csv", await app.SessionFor(Roles.Organiser));

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(string.Join(',', MatchResultsExport.MatchColumns.Select(column => column.Header)), lines[0]);
        Assert.Equal(string.Empty, lines[7]);
        Assert.Equal(string.Join(',', MatchResultsExport.StandingColumns.Select(column => column.Header)), lines[8]);
        Assert.Equal(4, lines.Skip(9).Count(line => line.Length > 0));
    }
}
