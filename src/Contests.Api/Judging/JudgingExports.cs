using Contests.Api.Contests;
using Contests.Api.Exports;
using Contests.Domain.Judging;
using Contests.Domain.Text;

namespace Contests.Api.Judging;

/// <summary>An entry's place in its division of one judged round.</summary>
public sealed record RankingLine(string Round, RankingRow Row);

/// <summary>A judge's counted sheet as it now stands, with its total by the round's current rubric.</summary>
public sealed record ScoreSheetLine(string Round, EntryLabel Entry, string Judge, ScoredSheet Sheet, decimal Total)
{
    public SheetVersion Current => Sheet.Current;
}

/// <summary>
/// The results of a contest's judged rounds (or of the round asked for), as the organisers' results screen computes them
/// when read: the ranking of each division, and every judge's sheet that counts towards it. One sheet per division, since
/// each division has its own criteria; a round has a few thousand sheets at most, read as its results screen reads them.
/// </summary>
public static class JudgingExports
{
    public static IReadOnlyList<ExportColumn<RankingLine>> RankingColumns { get; } =
    [
        new("round", "Vòng thi", 24, line => line.Round),
        new("rank", "Hạng", 6, line => line.Row.Rank),
        new("tied", "Đồng hạng", 10, line => line.Row.Tied),
        new("teamCode", "Mã đội", 12, line => line.Row.Entry.Code),
        new("team", "Tên đội", 30, line => line.Row.Entry.Name),
        new("school", "Trường", 32, line => line.Row.Entry.School),
        new("district", "Huyện/thành phố", 18, line => line.Row.Entry.District),
        new("score", "Điểm", 9, line => line.Row.Score),
        new("median", "Trung vị", 9, line => line.Row.Median),
        new("judgeCount", "Số giám khảo", 10, line => line.Row.JudgeCount),
    ];

    public static IReadOnlyList<ExportColumn<ScoreSheetLine>> SheetColumns { get; } =
    [
        new("round", "Vòng thi", 24, line => line.Round),
        new("division", "Bảng thi", 9, line => line.Entry.Division),
        new("teamCode", "Mã đội", 12, line => line.Entry.Code),
        new("team", "Tên đội", 30, line => line.Entry.Name),
        new("judge", "Giám khảo", 26, line => line.Judge),
    ];

    /// <summary>The columns after each sheet's criteria.</summary>
    public static IReadOnlyList<ExportColumn<ScoreSheetLine>> SheetTrailingColumns { get; } =
    [
        new("total", "Tổng điểm (có trọng số)", 12, line => line.Total),
        new("comment", "Nhận xét", 40, line => line.Current.Comment),
        new("version", "Lần chấm", 8, line => line.Current.Number),
        new("changedAt", "Sửa lần cuối lúc", 17, line => line.Current.At, CellFormat.DateTime),
        new("changedBy", "Sửa lần cuối bởi", 24, line => line.Current.By.Name),
        new("corrected", "Đã đính chính", 10, line => line.Current.Correction),
        new("reason", "Lý do đính chính", 32, line => line.Current.Reason),
    ];

    /// <summary>One sheet per division: its entries by rank in each judged round, with the mean of each criterion.</summary>
    public static async Task<ExportTable> Ranking(ExportRequest request, CancellationToken cancellationToken)
    {
        var rounds = await Rounds(request, cancellationToken);
        var sheets = Divisions(request).Select(division =>
        {
            var lines = rounds
                .SelectMany(model => JudgingResults.Rankings(model)
                    .Where(ranking => SameDivision(ranking.Division, division.Code))
                    .SelectMany(ranking => ranking.Rows.Select(row => new RankingLine(model.Judged.Round.Name, row))))
                .Where(line => request.District is null || VietnameseText.SameName(line.Row.Entry.District, request.District))
                .ToList();
            IReadOnlyList<ExportColumn<RankingLine>> columns =
            [
                .. RankingColumns,
                .. Criteria(rounds, division.Code).Select(criterion => new ExportColumn<RankingLine>(
                    $"mean-{criterion.Code}", $"{criterion.Description} (trung bình)", 14,
                    line => line.Row.CriterionMeans.TryGetValue(criterion.Code, out var mean) ? mean : null)),
            ];
            return ExportSheet.Of(RegistrationExports.SheetName(division), columns, lines.ToAsyncEnumerable());
        });
        return new ExportTable("xep-hang-cham-diem", [.. sheets]);
    }

    /// <summary>One sheet per division: every judge's sheet that counts, as last submitted or corrected.</summary>
    public static async Task<ExportTable> ScoreSheets(ExportRequest request, CancellationToken cancellationToken)
    {
        var rounds = await Rounds(request, cancellationToken);
        var sheets = Divisions(request).Select(division =>
        {
            var lines = rounds
                .SelectMany(model => model.Scores.Counted()
                    .Where(sheet => SameDivision(sheet.Division, division.Code))
                    .Select(sheet => new ScoreSheetLine(
                        model.Judged.Round.Name,
                        model.Label(sheet.EntryId, sheet.TeamId),
                        model.JudgeNamed(sheet.JudgeId).Name,
                        sheet,
                        model.Judging.Rubric.WeightedTotal(sheet.Division, sheet.Current.Scores)))
                    .OrderBy(line => line.Entry.Code, StringComparer.Ordinal)
                    .ThenBy(line => line.Judge, VietnameseText.Collation))
                .Where(line => request.District is null || VietnameseText.SameName(line.Entry.District, request.District))
                .ToList();
            IReadOnlyList<ExportColumn<ScoreSheetLine>> columns =
            [
                .. SheetColumns,
                .. Criteria(rounds, division.Code).Select(criterion => new ExportColumn<ScoreSheetLine>(
                    $"score-{criterion.Code}", criterion.Description, 14,
                    line => line.Current.Scores.FirstOrDefault(score => string.Equals(score.Code, criterion.Code, StringComparison.OrdinalIgnoreCase))?.Value)),
                .. SheetTrailingColumns,
            ];
            return ExportSheet.Of(RegistrationExports.SheetName(division), columns, lines.ToAsyncEnumerable());
        });
        return new ExportTable("phieu-cham-diem", [.. sheets]);
    }

    private static IEnumerable<DivisionDefinition> Divisions(ExportRequest request) =>
        request.Contest.Divisions.Where(division => request.DivisionCode is null || SameDivision(division.Code, request.DivisionCode));

    private static bool SameDivision(string code, string other) => string.Equals(code, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>The criteria a division is judged on in the rounds exported, each once (by code), in rubric order.</summary>
    private static IEnumerable<Criterion> Criteria(IReadOnlyList<JudgingReadModel> rounds, string division) =>
        rounds.SelectMany(model => model.Judging.Rubric.For(division)).DistinctBy(criterion => criterion.Code.ToUpperInvariant());

    private static async Task<IReadOnlyList<JudgingReadModel>> Rounds(ExportRequest request, CancellationToken cancellationToken)
    {
        var models = new List<JudgingReadModel>();
        foreach (var round in request.Contest.Rounds.Where(round => round.Type == RoundType.JudgedSubmissions && (request.RoundId is null || round.Id == request.RoundId)))
        {
            models.Add(await JudgingReads.Load(request.Session, new JudgedRound(request.Contest, round), cancellationToken));
        }

        return models;
    }
}
