using Contests.Api.Contests;
using Contests.Api.Exports;
using Contests.Domain.Matches;
using Marten;

namespace Contests.Api.Matches;

/// <summary>Who refereed a match's latest result, and who confirmed it and when, read from the match's own events.</summary>
public sealed record MatchOfficials(string? Referee, string? ConfirmedBy, DateTimeOffset? ConfirmedAt);

public sealed record MatchResultRow(string Round, MatchView Match, IReadOnlyDictionary<Guid, MatchTeam> Teams, MatchOfficials Officials)
{
    public string? TeamName(Guid? team) => team is { } id && Teams.TryGetValue(id, out var known) ? known.Name : null;
}

public sealed record StandingLine(string Round, GroupTable Group, StandingRow Row, MatchTeam? Team);

/// <summary>
/// The results of a contest's match rounds (the Robocon final), or of the round asked for: one sheet with every match
/// of the timetable (teams, scores, winner, state, referee, confirmation) and one with the group tables as the public
/// board computes them. A round has a few hundred matches at most, read as its board is.
/// </summary>
public static class MatchResultsExport
{
    public const string MatchesSheet = "Trận đấu";
    public const string StandingsSheet = "Bảng xếp hạng";

    public static IReadOnlyList<ExportColumn<MatchResultRow>> MatchColumns { get; } =
    [
        new("round", "Vòng thi", 18, row => row.Round),
        new("code", "Mã trận", 9, row => row.Match.Code),
        new("stage", "Giai đoạn", 14, row => row.Match.Stage == MatchStage.Group ? "Vòng bảng" : "Loại trực tiếp"),
        new("group", "Bảng", 7, row => row.Match.Group),
        new("field", "Sân", 9, row => row.Match.Field),
        new("startsAt", "Giờ thi đấu", 17, row => row.Match.StartsAt, CellFormat.DateTime),
        new("red", "Đội Đỏ", 28, row => row.TeamName(row.Match.Red)),
        new("blue", "Đội Xanh", 28, row => row.TeamName(row.Match.Blue)),
        new("redPoints", "Điểm Đỏ", 9, row => row.Match.Score?.Red.Points),
        new("bluePoints", "Điểm Xanh", 9, row => row.Match.Score?.Blue.Points),
        new("winner", "Đội thắng", 28, row => row.Match.Score switch
        {
            null => null,
            { Winner: Side.Red } => row.TeamName(row.Match.Red),
            { Winner: Side.Blue } => row.TeamName(row.Match.Blue),
            _ => "Hòa",
        }),
        new("status", "Trạng thái", 24, row => StatusText(row.Match.Status)),
        new("referee", "Trọng tài", 24, row => row.Officials.Referee),
        new("confirmedBy", "Xác nhận bởi", 24, row => row.Officials.ConfirmedBy),
        new("confirmedAt", "Thời điểm xác nhận", 17, row => row.Officials.ConfirmedAt, CellFormat.DateTime),
        new("needsReview", "Cần xem lại", 11, row => row.Match.NeedsReview),
    ];

    public static IReadOnlyList<ExportColumn<StandingLine>> StandingColumns { get; } =
    [
        new("round", "Vòng thi", 18, line => line.Round),
        new("group", "Bảng", 7, line => line.Group.Group),
        new("rank", "Hạng", 6, line => line.Row.Rank),
        new("team", "Đội", 28, line => line.Team?.Name),
        new("school", "Trường", 30, line => line.Team?.School),
        new("district", "Huyện/thành phố", 18, line => line.Team?.District),
        new("played", "Số trận", 8, line => line.Row.Played),
        new("won", "Thắng", 7, line => line.Row.Won),
        new("drawn", "Hòa", 7, line => line.Row.Drawn),
        new("lost", "Thua", 7, line => line.Row.Lost),
        new("rankingPoints", "Điểm xếp hạng", 10, line => line.Row.RankingPoints),
        new("pointsFor", "Điểm ghi được", 10, line => line.Row.PointsFor),
        new("pointsAgainst", "Điểm bị ghi", 10, line => line.Row.PointsAgainst),
        new("penaltyPoints", "Điểm phạt", 10, line => line.Row.PenaltyPoints),
        new("groupComplete", "Bảng đã đấu xong", 12, line => line.Group.Complete),
    ];

    public static async Task<ExportTable> Build(ExportRequest request, CancellationToken cancellationToken)
    {
        var matches = new List<MatchResultRow>();
        var standings = new List<StandingLine>();
        foreach (var definition in request.Contest.Rounds.Where(round => round.Type == RoundType.Matches && (request.RoundId is null || round.Id == request.RoundId)))
        {
            if (await request.Session.LoadAsync<MatchRound>(MatchRound.IdFor(definition.Id), cancellationToken) is not { } round)
            {
                continue;
            }

            var view = await MatchRounds.View(request.Session, round, cancellationToken);
            var teams = view.Teams.ToDictionary(team => team.TeamId);
            var officials = await Officials(request.Session, round, cancellationToken);
            matches.AddRange(view.Matches.Select(match => new MatchResultRow(
                definition.Name, match, teams, officials.GetValueOrDefault(match.Code) ?? new MatchOfficials(null, null, null))));
            standings.AddRange(view.Groups.SelectMany(group => group.Rows.Select(row => new StandingLine(definition.Name, group, row, teams.GetValueOrDefault(row.TeamId)))));
        }

        return new ExportTable("ket-qua-thi-dau",
        [
            ExportSheet.Of(MatchesSheet, MatchColumns, matches.ToAsyncEnumerable()),
            ExportSheet.Of(StandingsSheet, StandingColumns, standings.ToAsyncEnumerable()),
        ]);
    }

    public static string StatusText(MatchStatus status) => status switch
    {
        MatchStatus.Scheduled => "Chưa thi đấu",
        MatchStatus.AwaitingConfirmation => "Chờ trọng tài chính xác nhận",
        MatchStatus.Returned => "Trả lại để chấm lại",
        _ => "Đã xác nhận",
    };

    /// <summary>The referee of each match's latest submitted sheet and its confirmation, in the order they happened.</summary>
    private static async Task<Dictionary<string, MatchOfficials>> Officials(IQuerySession session, MatchRound round, CancellationToken cancellationToken)
    {
        var streams = round.Schedule.Select(match => Match.IdFor(round.RoundId, match.Code)).ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(entry => streams.Contains(entry.StreamId))
            .OrderBy(entry => entry.Sequence)
            .ToListAsync(cancellationToken);
        var officials = new Dictionary<string, MatchOfficials>(StringComparer.Ordinal);
        foreach (var entry in events)
        {
            switch (entry.Data)
            {
                case MatchResultSubmitted submitted:
                    officials[submitted.Code] = new MatchOfficials(submitted.SubmittedBy.Name, null, null);
                    break;
                case MatchResultConfirmed confirmed:
                    officials[confirmed.Code] = officials.GetValueOrDefault(confirmed.Code, new MatchOfficials(null, null, null)) with
                    {
                        ConfirmedBy = confirmed.ConfirmedBy.Name,
                        ConfirmedAt = confirmed.ConfirmedAt,
                    };
                    break;
            }
        }

        return officials;
    }
}
