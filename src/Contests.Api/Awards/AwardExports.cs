using Contests.Api.Exports;
using Contests.Domain.Awards;
using Contests.Domain.Text;
using Marten;

namespace Contests.Api.Awards;

public sealed record QuotaRow(string Round, string DivisionCode, string DivisionName, AwardTier Tier, int? Count, decimal? SharePercent);

public sealed record AwardRow(string Round, string DivisionCode, DecidedAward Award, DateTimeOffset DecidedAt);

/// <summary>The award configuration of every round, and the confirmed award list for the ceremony.</summary>
public static class AwardExports
{
    public static IReadOnlyList<ExportColumn<QuotaRow>> QuotaColumns { get; } =
    [
        new("round", "Vòng thi", 26, row => row.Round),
        new("division", "Bảng thi", 10, row => row.DivisionCode),
        new("divisionName", "Tên bảng thi", 24, row => row.DivisionName),
        new("tier", "Giải", 18, row => AwardNames.Vietnamese(row.Tier)),
        new("maxCount", "Số giải tối đa", 12, row => row.Count),
        new("maxSharePercent", "Tỉ lệ tối đa (%)", 12, row => row.SharePercent),
    ];

    public static IReadOnlyList<ExportColumn<AwardRow>> AwardColumns { get; } =
    [
        new("round", "Vòng thi", 22, row => row.Round),
        new("division", "Bảng thi", 10, row => row.DivisionCode),
        new("tier", "Giải", 18, row => AwardNames.Vietnamese(row.Award.Tier)),
        new("rank", "Hạng", 7, row => row.Award.Rank),
        new("score", "Điểm", 8, row => row.Award.Score),
        new("teamName", "Tên đội", 30, row => row.Award.TeamName),
        new("school", "Trường", 32, row => row.Award.School),
        new("district", "Huyện/thành phố", 18, row => row.Award.District),
        new("members", "Thành viên", 44, row => string.Join("; ", row.Award.MemberNames)),
        new("mentors", "Người hướng dẫn", 28, row => string.Join("; ", row.Award.MentorNames)),
        new("overrideReason", "Ban Tổ chức quyết định", 30, row => row.Award.OverrideReason),
        new("certificateCode", "Mã giấy chứng nhận", 26, row => row.Award.CertificateCode),
        new("decidedAt", "Xác nhận lúc", 18, row => row.DecidedAt, CellFormat.DateTime),
    ];

    public static async Task<ExportTable> Settings(ExportRequest request, CancellationToken cancellationToken)
    {
        var rows = new List<QuotaRow>();
        foreach (var (round, awards) in await Rounds(request, cancellationToken))
        {
            rows.AddRange(awards.Divisions
                .Where(division => request.DivisionCode is null || division.DivisionCode == request.DivisionCode)
                .SelectMany(division => division.Tiers.Select(quota => new QuotaRow(
                    round, division.DivisionCode, request.Contest.Divisions.FirstOrDefault(item => item.Code == division.DivisionCode)?.Name ?? division.DivisionCode,
                    quota.Tier, quota.Count, quota.SharePercent))));
        }

        return ExportTable.Of("co-cau-giai", QuotaColumns, ("Cơ cấu giải", rows.ToAsyncEnumerable()));
    }

    /// <summary>One sheet per division, awards from the highest tier down; a district organiser sees their district's awards.</summary>
    public static async Task<ExportTable> AwardList(ExportRequest request, CancellationToken cancellationToken)
    {
        var rounds = await Rounds(request, cancellationToken);
        var sheets = request.Contest.Divisions
            .Where(division => request.DivisionCode is null || division.Code == request.DivisionCode)
            .Select(division => ($"{division.Code} - {division.Name}", rounds
                .SelectMany(round => round.Awards.Division(division.Code)?.Decision is { } decision
                    ? decision.Awards.Select(award => new AwardRow(round.Name, division.Code, award, decision.At))
                    : [])
                .Where(row => request.District is null || VietnameseText.SameName(row.Award.District, request.District))
                .OrderBy(row => row.Award.Tier).ThenBy(row => row.Award.Rank).ThenBy(row => row.Award.TeamName, VietnameseText.Collation)
                .ToAsyncEnumerable()))
            .ToArray();
        return ExportTable.Of("danh-sach-doat-giai", AwardColumns, sheets);
    }

    private static async Task<IReadOnlyList<(string Name, RoundAwards Awards)>> Rounds(ExportRequest request, CancellationToken cancellationToken)
    {
        var rounds = request.Contest.Rounds.Where(round => request.RoundId is null || round.Id == request.RoundId).ToList();
        var awards = await request.Session.LoadManyAsync<RoundAwards>(cancellationToken, rounds.Select(round => RoundAwards.StreamFor(round.Id)));
        return rounds
            .Select(round => (round.Name, Awards: awards.FirstOrDefault(item => item.RoundId == round.Id)))
            .Where(round => round.Awards is not null)
            .Select(round => (round.Name, round.Awards!))
            .ToList();
    }
}
