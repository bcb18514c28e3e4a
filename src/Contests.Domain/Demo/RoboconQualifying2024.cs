using System.Globalization;

namespace Contests.Domain.Demo;

/// <summary>One revision of a demo team's qualifying entry: when (Vietnam local time), its title and its video link.</summary>
public sealed record DemoRevision(DateTime LocalTime, string Title, string VideoLink);

/// <summary>
/// The Bắc Giang Robocon 2024 online qualifying round (videos due 30 June 2024) and what the teams sent: most teams
/// submit, mostly in the last days, some revise, a few come in during the grace period. Links point to the reserved
/// video.example domain, so no real video is named. A fixed seed makes every run the same.
/// </summary>
public static class RoboconQualifying2024
{
    public const string QualifyingName = "Vòng loại trực tuyến";
    /// <summary>The in-person final is played as one match round per division (lower and upper secondary).</summary>
    public const string LowerSecondaryFinalName = "Chung kết THCS";
    public const string UpperSecondaryFinalName = "Chung kết THPT";
    public const int GraceMinutes = 15;
    public const int AdvancePerDivision = 16;
    public static readonly DateTime OpensAt = new(2024, 6, 15, 7, 0, 0);
    public static readonly DateTime ClosesAt = new(2024, 6, 30, 17, 0, 0);
    private const int Seed = 20240630;

    private static readonly string[] Tasks =
    [
        "Robot gắp bóng vào rổ", "Robot vượt địa hình", "Robot phân loại bóng theo màu", "Robot xếp khối", "Robot dò đường",
        "Robot nâng hạ hàng", "Robot ném bóng", "Robot thu hoạch nông sản",
    ];

    /// <summary>For each team code, in order, the revisions it submitted; an empty list for a team that sent nothing.</summary>
    public static IReadOnlyList<IReadOnlyList<DemoRevision>> Entries(IReadOnlyList<string> teamCodes)
    {
        var random = new Random(Seed);
        var window = ClosesAt - OpensAt;
        var entries = new List<IReadOnlyList<DemoRevision>>(teamCodes.Count);
        foreach (var code in teamCodes)
        {
            if (random.Next(100) >= 93)
            {
                entries.Add([]);
                continue;
            }

            // Most teams film in the last days: squaring a uniform draw crowds first submissions towards the close.
            var first = random.Next(100) < 2
                ? ClosesAt.AddMinutes(random.Next(1, GraceMinutes))
                : ClosesAt - (window * Math.Pow(random.NextDouble(), 2)) - TimeSpan.FromMinutes(1);
            var task = Tasks[random.Next(Tasks.Length)];
            var revisions = new List<DemoRevision> { Revision(code, task, 1, first) };
            for (var number = 2; number <= 3 && first < ClosesAt && random.Next(100) < (number == 2 ? 30 : 35); number++)
            {
                var previous = revisions[^1].LocalTime;
                var next = previous + ((ClosesAt - previous) * random.NextDouble());
                revisions.Add(Revision(code, task, number, next));
            }

            entries.Add(revisions);
        }

        return entries;
    }

    private static DemoRevision Revision(string code, string task, int number, DateTime at) =>
        new(new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond)), number == 1 ? task : $"{task} (bản {number.ToString(CultureInfo.InvariantCulture)})",
            $"https://video.example/robocon-bac-giang-2024/{code.ToLowerInvariant()}-{number.ToString(CultureInfo.InvariantCulture)}");
}
