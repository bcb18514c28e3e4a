namespace Contests.Api.Leaderboards;

public static class LeaderboardsTexts
{
    public static IReadOnlyDictionary<string, (string Vi, string En)> Catalogue { get; } = new Dictionary<string, (string Vi, string En)>
    {
        ["as-of-invalid"] = ("Thời điểm không hợp lệ: dùng dạng 2024-05-10T16:00:00+07:00.", "Invalid instant: use the form 2024-05-10T16:00:00+07:00."),
    };
}
