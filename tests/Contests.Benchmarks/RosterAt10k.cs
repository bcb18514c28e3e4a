using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Contests.Benchmarks;

/// <summary>The organiser's roster when a contest holds 10,000 teams: full list, a searched page, and the counts.</summary>
public static class RosterAt10k
{
    public static async Task<IReadOnlyList<string>> RunAsync(HttpClient organiser)
    {
        var contestId = await BenchContest.CreateAsync(organiser, "Danh sách 10.000 đội");
        for (var sheet = 0; sheet < 4; sheet++)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(ImportThroughput.Sheet(10_000, sheet * 2_500)), "file", $"phan-{sheet}.csv" } };
            var preview = await organiser.PostAsync(new Uri($"/api/contests/{contestId}/imports", UriKind.Relative), form);
            preview.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await preview.Content.ReadAsStringAsync());
            (await organiser.PostAsJsonAsync($"/api/contests/{contestId}/imports/{json.RootElement.GetProperty("id").GetGuid()}/commit", new { }))
                .EnsureSuccessStatusCode();
        }

        var list = await Time(organiser, $"/api/contests/{contestId}/teams");
        var searchedPage = await Time(organiser, $"/api/contests/{contestId}/teams?search=doi%20nhap%2012&page=1&pageSize=50");
        var summary = await Time(organiser, $"/api/contests/{contestId}/teams/summary");
        return
        [
            $"bench roster_10k_list_ms {list:F0} ms",
            $"bench roster_10k_search_page_ms {searchedPage:F0} ms",
            $"bench roster_10k_summary_ms {summary:F0} ms",
        ];
    }

    /// <summary>The best of three, after one warm-up call.</summary>
    internal static async Task<double> Time(HttpClient client, string url)
    {
        (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
