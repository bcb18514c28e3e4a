using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Contests.Testing;

namespace Contests.Benchmarks;

/// <summary>
/// The registrations export of a contest holding 10,000 teams and 30,000 people (two members and a mentor each), as
/// XLSX through the HTTP API: how long the download takes, and how far the server's resident memory rises above what
/// it held just before (the export streams, so that rise should not depend on the contest's size).
/// </summary>
public static class ExportAt10k
{
    private const int Teams = 10_000;
    private const int TeamsPerSheet = 2_500;

    public static async Task<IReadOnlyList<string>> RunAsync(ServerProcess server, HttpClient organiser)
    {
        var contestId = await BenchContest.CreateAsync(organiser, "Xuất 10.000 đội");
        for (var first = 0; first < Teams; first += TeamsPerSheet)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Sheet(first, TeamsPerSheet)), "file", $"xuat-{first}.csv" } };
            var preview = await organiser.PostAsync(new Uri($"/api/contests/{contestId}/imports", UriKind.Relative), form);
            preview.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await preview.Content.ReadAsStringAsync());
            (await organiser.PostAsJsonAsync($"/api/contests/{contestId}/imports/{json.RootElement.GetProperty("id").GetGuid()}/commit", new { }))
                .EnsureSuccessStatusCode();
        }

        var url = new Uri($"/api/contests/{contestId}/exports/registrations-people?format=xlsx", UriKind.Relative);
        await Download(organiser, url); // warm-up: JIT and query plans
        var before = ResidentBytes(server.ProcessId);
        using var watching = new CancellationTokenSource();
        var peak = Task.Run(async () =>
        {
            var highest = before;
            while (!watching.IsCancellationRequested)
            {
                highest = Math.Max(highest, ResidentBytes(server.ProcessId));
                await Task.Delay(10, CancellationToken.None);
            }

            return highest;
        }, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var bytes = await Download(organiser, url);
        var seconds = watch.Elapsed.TotalSeconds;
        await watching.CancelAsync();
        var highest = await peak;
        return
        [
            $"bench export_xlsx_10k_s {seconds:F2} s",
            $"bench export_xlsx_10k_peak_mb {(highest - before) / 1024.0 / 1024.0:F0} MB",
            $"bench export_xlsx_10k_server_peak_mb {highest / 1024.0 / 1024.0:F0} MB",
            $"bench export_xlsx_10k_file_mb {bytes / 1024.0 / 1024.0:F1} MB",
        ];
    }

    /// <summary>Reads the whole download and answers its size: the client holds no more than a buffer of it.</summary>
    private static async Task<long> Download(HttpClient organiser, Uri url)
    {
        using var response = await organiser.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81_920];
        long total = 0;
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
        {
            total += read;
        }

        return total;
    }

    /// <summary>The process's resident set (VmRSS) from /proc: its working set as Linux counts it.</summary>
    internal static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(text => text.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>One row per person, three per team (two members, a mentor); names and birth dates vary so nobody is in two teams.</summary>
    private static byte[] Sheet(int firstTeam, int teams)
    {
        var text = new StringBuilder("Tên đội,Trường,Huyện/TP,Bảng thi,Vai trò,Họ và tên,Ngày sinh,Lớp,Điện thoại,Email\r\n");
        for (var team = firstTeam; team < firstTeam + teams; team++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Đội Xuất {team:D5}");
            var district = BenchContest.Districts[team % BenchContest.Districts.Length];
            for (var member = 0; member < 2; member++)
            {
                var born = new DateOnly(2008, 1, 1).AddDays(((team * 2) + member) % 2000);
                text.Append(CultureInfo.InvariantCulture, $"{name},Trường THCS Số {team % 40},{district},THCS,Thành viên,Trần Thị Ánh {team}-{member},{born:dd/MM/yyyy},8,,\r\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{name},,,,Người hướng dẫn,Phạm Văn Đức {team},,,09{team % 100000000:D8},gv{team}@thcs.edu.vn\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
