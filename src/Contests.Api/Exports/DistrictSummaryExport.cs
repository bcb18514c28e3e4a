using Contests.Api.Awards;
using Contests.Api.Registration;
using Contests.Domain.Awards;
using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Api.Exports;

/// <summary>How many of something each district has, e.g. teams registered, entries submitted, awards won.</summary>
public delegate Task<IReadOnlyDictionary<string, int>> CountPerDistrict(ExportRequest request, CancellationToken cancellationToken);

/// <summary>One column of the per-district summary.</summary>
public sealed record DistrictCount(string Key, string Header, CountPerDistrict Count);

public sealed record DistrictSummaryRow(string District, IReadOnlyList<int> Counts);

/// <summary>
/// One row per district of the contest (a district organiser's own only) and a total row. Each column is a
/// <see cref="DistrictCount"/>: a column from another capability (submitted, advanced, awards) is one more line in
/// <see cref="Counts"/>.
/// </summary>
public static class DistrictSummaryExport
{
    public const string TotalRow = "Tổng cộng";

    public static IReadOnlyList<DistrictCount> Counts { get; } =
    [
        new("teams", "Số đội đăng ký", Teams(team => team.Status != TeamStatus.Withdrawn ? 1 : 0)),
        new("people", "Số thành viên và người hướng dẫn", Teams(team => team.Status != TeamStatus.Withdrawn ? team.People : 0)),
        new("approved", "Số đội đã duyệt", Teams(team => team.Status == TeamStatus.Approved ? 1 : 0)),
        new("nominated", "Số đội được đề cử", Teams(team => team.Status != TeamStatus.Withdrawn && team.Nominated ? 1 : 0)),
        new("submitted", "Số bài dự thi đã nộp", DistrictResultCounts.Submitted),
        new("advanced", "Số đội được đi tiếp", DistrictResultCounts.Advanced),
        .. Enum.GetValues<AwardTier>().Select(tier => new DistrictCount($"awards-{tier}", AwardNames.Vietnamese(tier), DistrictResultCounts.Awards(tier))),
    ];

    public static async Task<ExportTable> Build(ExportRequest request, CancellationToken cancellationToken)
    {
        var districts = request.Contest.Districts
            .Where(district => request.District is null || VietnameseText.SameName(district, request.District))
            .Order(VietnameseText.Collation)
            .ToList();
        var counted = new List<IReadOnlyDictionary<string, int>>(Counts.Count);
        foreach (var count in Counts)
        {
            counted.Add(await count.Count(request, cancellationToken));
        }

        var rows = districts
            .Select(district => new DistrictSummaryRow(district, counted.Select(counts => counts.GetValueOrDefault(district)).ToList()))
            .ToList();
        rows.Add(new DistrictSummaryRow(TotalRow, Enumerable.Range(0, Counts.Count).Select(index => rows.Sum(row => row.Counts[index])).ToList()));

        IReadOnlyList<ExportColumn<DistrictSummaryRow>> columns =
        [
            new("district", "Huyện/thành phố", 22, row => row.District),
            .. Counts.Select((count, index) => new ExportColumn<DistrictSummaryRow>(count.Key, count.Header, 16, row => row.Counts[index])),
        ];
        return ExportTable.Of("tong-hop-theo-huyen", columns, ("Tổng hợp", rows.ToAsyncEnumerable()));
    }

    /// <summary>Adds up a number per team over the contest's teams, read one at a time.</summary>
    private static CountPerDistrict Teams(Func<Team, int> value) => async (request, cancellationToken) =>
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var team in RegistrationExports.TeamsOf(request, divisionCode: null, cancellationToken))
        {
            totals[team.District] = totals.GetValueOrDefault(team.District) + value(team);
        }

        return totals;
    };
}
