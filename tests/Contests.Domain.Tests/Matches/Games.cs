using Contests.Domain.Matches;

namespace Contests.Domain.Tests.Matches;

/// <summary>Two different games, so that no rule is tied to one game's tasks.</summary>
public static class Games
{
    /// <summary>A Robocon-style game: seeds and balls, a penalty given to the opponent, an instant win ("Chiến thắng tuyệt đối").</summary>
    public static GameDefinition Robocon { get; } = GameRules.Decide(new GameForm(
        "Robocon 2024 — Gieo hạt",
        [new TaskForm("Gieo hạt", 10, 12, "seed"), new TaskForm("Thu hoạch bóng", 30, 6, "ball"), new TaskForm("Vào kho", 50, 2, "silo")],
        [new PenaltyForm("Chạm vùng đối phương", 10, "ToOpponent", 5, "cross"), new PenaltyForm("Khởi động sớm", 5, "Subtracted", 3, "early")],
        "Chiến thắng tuyệt đối",
        180,
        null,
        null));

    /// <summary>A second game: other tasks, penalties subtracted only, no instant win, 2/1/0 ranking points, other tie-breakers.</summary>
    public static GameDefinition Sumo { get; } = GameRules.Decide(new GameForm(
        "Robot Sumo",
        [new TaskForm("Đẩy ra khỏi vòng", 3, 3, "push"), new TaskForm("Lật đối thủ", 5, 1, "flip")],
        [new PenaltyForm("Rời vòng", 1, "Subtracted", 5, "leave")],
        null,
        120,
        new RankingPointsForm(2, 1, 0),
        ["RankingPoints", "TotalMatchPoints", "HeadToHead", "DrawnLot"]));

    public static ScoreSheet Sheet(int redSeeds, int blueSeeds) =>
        new(new SideSheet(new Dictionary<string, int> { ["seed"] = redSeeds }, new Dictionary<string, int>()),
            new SideSheet(new Dictionary<string, int> { ["seed"] = blueSeeds }, new Dictionary<string, int>()));

    /// <summary>A Robocon result with the given points, made of seeds (10 each).</summary>
    public static PlayedMatch Played(Guid red, Guid blue, int redSeeds, int blueSeeds) =>
        new(red, blue, MatchScoring.Score(Robocon, Sheet(redSeeds, blueSeeds)));
}
