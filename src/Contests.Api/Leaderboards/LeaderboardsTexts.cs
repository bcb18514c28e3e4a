namespace Contests.Api.Leaderboards;

public static class LeaderboardsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["as-of-invalid"] = ("Thời điểm không hợp lệ: dùng dạng 2024-05-10T16:00:00+07:00.", "Invalid instant: use the form 2024-05-10T16:00:00+07:00."),
        ["board-not-found"] = ("Không có bảng xếp hạng này.", "There is no such board."),
        ["board-already-frozen"] = ("Bảng đã được đóng băng.", "The board is frozen already."),
        ["board-not-frozen"] = ("Bảng không bị đóng băng: không có gì để công bố.", "The board is not frozen: there is nothing to reveal."),
    };
}
