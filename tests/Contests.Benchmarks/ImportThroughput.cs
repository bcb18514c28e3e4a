using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Contests.Benchmarks;

/// <summary>Preview plus commit of a 10,000-row district sheet (2,500 teams of three members and a mentor) through HTTP.</summary>
public static class ImportThroughput
{
    public static async Task<IReadOnlyList<string>> RunAsync(HttpClient organiser, int rows)
    {
        var contestId = await BenchContest.CreateAsync(organiser, "Nhập 10.000 dòng");
        var sheet = Sheet(rows);

        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(sheet), "file", "10000-dong.csv" } };
        var preview = await organiser.PostAsync(new Uri($"/api/contests/{contestId}/imports", UriKind.Relative), form);
        var previewBody = await preview.Content.ReadAsStringAsync();
        preview.EnsureSuccessStatusCode();
        var previewSeconds = watch.Elapsed.TotalSeconds;
        using var previewJson = JsonDocument.Parse(previewBody);
        var importId = previewJson.RootElement.GetProperty("id").GetGuid();
        var importable = previewJson.RootElement.GetProperty("importable").GetInt32();

        var commit = await organiser.PostAsJsonAsync($"/api/contests/{contestId}/imports/{importId}/commit", new { });
        commit.EnsureSuccessStatusCode();
        var total = watch.Elapsed.TotalSeconds;
        if (importable != rows / 4)
        {
            throw new InvalidOperationException($"expected {rows / 4} importable teams, the preview found {importable}");
        }

        return
        [
            $"bench import_10k_rows_s {total:F1} s",
            $"bench import_10k_preview_s {previewSeconds:F1} s",
        ];
    }

    /// <summary>One row per person, four per team; names and birth dates vary so nobody is in two teams.</summary>
    public static byte[] Sheet(int rows, int firstTeam = 0)
    {
        var text = new StringBuilder("Tên đội,Trường,Huyện/TP,Bảng thi,Vai trò,Họ và tên,Ngày sinh,Lớp,Điện thoại,Email\r\n");
        string[] given = ["An", "Bình", "Chi", "Dũng", "Hà", "Lan", "Minh", "Ngọc", "Phúc", "Quân"];
        for (var team = firstTeam; team < firstTeam + (rows / 4); team++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Đội Nhập {team:D4}");
            var district = BenchContest.Districts[team % BenchContest.Districts.Length];
            for (var member = 0; member < 3; member++)
            {
                var born = new DateOnly(2008, 1, 1).AddDays(((team * 3) + member) % 2000);
                text.Append(CultureInfo.InvariantCulture, $"{name},Trường THCS Số {team % 40},{district},THCS,Thành viên,Nguyễn {given[member]} {team},{born:dd/MM/yyyy},8,,\r\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{name},,,,Người hướng dẫn,Lê Thu {team},,,09{team % 100000000:D8},gv{team}@thcs.edu.vn\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
