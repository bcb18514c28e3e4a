using System.Globalization;
using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Demo;

/// <summary>
/// The Bắc Giang Robocon 2024 as it stood when registration closed: 432 teams and 1,484 members and mentors over the
/// province's 10 district-level units. Names are drawn from common Vietnamese family, middle and given names, so
/// nobody real is described; a fixed seed makes every run produce the same contest.
/// </summary>
public static class BacGiangRobocon2024
{
    public const int TeamCount = 432;
    public const int PeopleCount = 1484;
    private const int Seed = 20240520;

    private static readonly (string District, int Teams)[] DistrictShares =
    [
        ("TP Bắc Giang", 70), ("Việt Yên", 55), ("Hiệp Hòa", 50), ("Lạng Giang", 45), ("Lục Nam", 40),
        ("Lục Ngạn", 45), ("Sơn Động", 20), ("Tân Yên", 40), ("Yên Dũng", 35), ("Yên Thế", 32),
    ];

    private static readonly DemoDivision[] Divisions =
    [
        new("TH", "Tiểu học", 4, 5),
        new("THCS", "Trung học cơ sở", 6, 9),
        new("THPT", "Trung học phổ thông", 10, 12),
    ];

    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 50), ("Phan", 45), ("Vũ", 40), ("Đặng", 21),
        ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10), ("Đào", 9), ("Đinh", 8), ("Trịnh", 7),
        ("Lương", 6), ("Nông", 5), ("Lý", 5), ("Thân", 5),
    ];

    private static readonly string[] MaleMiddleNames = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Tuấn", "Gia", "Đình", "Công", "Xuân", "Bảo"];
    private static readonly string[] FemaleMiddleNames = ["Thị", "Ngọc", "Thu", "Thanh", "Phương", "Khánh", "Bảo", "Minh", "Mai", "Hồng", "Diệu", "Thùy"];

    private static readonly string[] MaleGivenNames =
    [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Dương", "Hải", "Hiếu", "Hoàng", "Huy", "Hùng", "Khang", "Khánh", "Kiên", "Lâm",
        "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
    ];

    private static readonly string[] FemaleGivenNames =
    [
        "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Ly", "Mai", "My",
        "Nga", "Ngân", "Ngọc", "Nhung", "Phương", "Quỳnh", "Thảo", "Thư", "Trang", "Trâm", "Uyên", "Vân", "Yến", "Nhi",
    ];

    private static readonly string[] SchoolNamesakes =
    [
        "Lê Lợi", "Trần Phú", "Nguyễn Trãi", "Hoàng Hoa Thám", "Ngô Sĩ Liên", "Lý Tự Trọng", "Kim Đồng", "Quang Trung",
        "Nguyễn Khắc Nhu", "Giáp Hải", "Thân Nhân Trung", "Lê Quý Đôn", "Chu Văn An", "Võ Thị Sáu", "Nguyễn Du", "Phan Bội Châu",
    ];

    private static readonly string[] TeamNameHeads =
    [
        "Rồng Vàng", "Tia Chớp", "Sao Mai", "Đại Bàng", "Phượng Hoàng", "Chiến Binh", "Tên Lửa", "Ánh Sáng", "Sấm Sét", "Cánh Diều",
        "Hải Âu", "Trí Tuệ", "Vươn Xa", "Khám Phá", "Mặt Trời", "Hổ Con", "Robo", "Siêu Nhân", "Bão Lửa", "Ngôi Sao",
    ];

    private static readonly string[] TeamNameTails = ["Robotics", "Team", "Bot", "Tech", "Sáng Tạo", "Tương Lai", "Xanh", "Nhí", "Thần Tốc", "Vô Địch"];

    private static readonly string[] MobilePrefixes =
    [
        "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098", "081", "082", "083", "084", "085",
        "088", "091", "094", "070", "076", "077", "078", "079", "089", "090", "093",
    ];

    public static DemoContest Generate()
    {
        var random = new Random(Seed);
        var people = new PeopleFactory(random);
        var teamNames = new HashSet<string>(StringComparer.Ordinal);
        var sizes = TeamSizes(random);
        var teams = new List<DemoTeam>(TeamCount);

        foreach (var (district, count) in DistrictShares)
        {
            for (var index = 0; index < count; index++)
            {
                var (members, mentors) = sizes[teams.Count];
                var division = Divisions[PickDivision(random)];
                var school = SchoolName(random, division, district);
                var domain = SchoolDomain(division, school);
                var teamMentors = Enumerable.Range(0, mentors).Select(_ => people.Mentor(domain)).ToList();
                teams.Add(new DemoTeam(
                    UniqueTeamName(random, teamNames, district),
                    school,
                    district,
                    division.Code,
                    teamMentors[0].Phone,
                    teamMentors[0].Email,
                    Enumerable.Range(0, members).Select(_ => people.Student(division)).ToList(),
                    teamMentors));
            }
        }

        return new DemoContest(
            "Cuộc thi Robocon tỉnh Bắc Giang 2024",
            "Robocon",
            1,
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang",
            DistrictShares.Select(share => share.District).ToList(),
            Divisions,
            teams);
    }

    /// <summary>Two members and a mentor each, then the remaining people spread at random up to 5 members and 2 mentors.</summary>
    private static List<(int Members, int Mentors)> TeamSizes(Random random)
    {
        var sizes = Enumerable.Repeat((Members: 2, Mentors: 1), TeamCount).ToList();
        var remaining = PeopleCount - (3 * TeamCount);
        while (remaining > 0)
        {
            var index = random.Next(TeamCount);
            var (members, mentors) = sizes[index];
            if (random.Next(4) == 0 && mentors < 2)
            {
                sizes[index] = (members, mentors + 1);
                remaining--;
            }
            else if (members < 5)
            {
                sizes[index] = (members + 1, mentors);
                remaining--;
            }
        }

        return sizes;
    }

    private static int PickDivision(Random random) => random.Next(100) switch
    {
        < 25 => 0,
        < 70 => 1,
        _ => 2,
    };

    private static string SchoolName(Random random, DemoDivision division, string district) => division.Code switch
    {
        "THPT" => random.Next(5) == 0 && district == "TP Bắc Giang"
            ? "Trường THPT Chuyên Bắc Giang"
            : $"Trường THPT {district.Replace("TP ", string.Empty, StringComparison.Ordinal)} số {random.Next(1, 4)}",
        "THCS" => $"Trường THCS {SchoolNamesakes[random.Next(SchoolNamesakes.Length)]}",
        _ => $"Trường Tiểu học {SchoolNamesakes[random.Next(SchoolNamesakes.Length)]}",
    };

    private static string SchoolDomain(DemoDivision division, string school)
    {
        var level = division.Code.ToLowerInvariant();
        var name = Ascii(school.Split(' ', 3)[^1].Replace("Tiểu học ", string.Empty, StringComparison.Ordinal));
        return $"{level}-{name}.edu.vn";
    }

    private static string UniqueTeamName(Random random, HashSet<string> taken, string district)
    {
        var place = district.Replace("TP ", string.Empty, StringComparison.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var head = TeamNameHeads[random.Next(TeamNameHeads.Length)];
            var tail = random.Next(3) == 0 ? place : TeamNameTails[random.Next(TeamNameTails.Length)];
            var name = attempt < 20 ? $"{head} {tail}" : $"{head} {tail} {attempt}";
            if (taken.Add(VietnameseText.Fold(name)))
            {
                return name;
            }
        }
    }

    /// <summary>Lower-case ASCII letters and digits only, for e-mail addresses and domains: "Nguyễn Khắc Nhu" → "nguyenkhacnhu".</summary>
    private static string Ascii(string text) =>
        new(VietnameseText.Fold(text).Where(character => character is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray());

    private static T Weighted<T>(Random random, (T Value, int Weight)[] choices)
    {
        var pick = random.Next(choices.Sum(choice => choice.Weight));
        foreach (var (value, weight) in choices)
        {
            if (pick < weight)
            {
                return value;
            }

            pick -= weight;
        }

        throw new InvalidOperationException("weights must be positive");
    }

    /// <summary>Makes people who appear once in the contest, each with a phone number nobody else has.</summary>
    private sealed class PeopleFactory(Random random)
    {
        private readonly HashSet<string> people = new(StringComparer.Ordinal);
        private readonly HashSet<string> phones = new(StringComparer.Ordinal);

        public DemoMember Student(DemoDivision division)
        {
            while (true)
            {
                var grade = random.Next(division.MinGrade, division.MaxGrade + 1);
                // In the 2023–2024 school year a pupil in grade g was born in 2018 − g.
                var born = new DateOnly(2018 - grade, 1, 1).AddDays(random.Next(365));
                var female = random.Next(2) == 0;
                var name = FullName(female);
                if (!people.Add(TeamRegistrationRules.PersonKey(name, born)))
                {
                    continue;
                }

                var hasPhone = division.Code == "THPT" ? random.Next(10) < 6 : division.Code == "THCS" && random.Next(10) < 2;
                return new DemoMember(name, born, grade, female ? "Female" : "Male", hasPhone ? Phone() : null);
            }
        }

        public DemoMentor Mentor(string schoolDomain)
        {
            while (true)
            {
                var name = FullName(random.Next(3) != 0);
                if (!people.Add(TeamRegistrationRules.PersonKey(name, null)))
                {
                    continue;
                }

                var parts = name.Split(' ');
                var email = $"{Ascii(parts[^1])}.{Ascii(parts[0])}{random.Next(10, 100).ToString(CultureInfo.InvariantCulture)}@{schoolDomain}";
                return new DemoMentor(name, Phone(), email);
            }
        }

        private string FullName(bool female)
        {
            var family = Weighted(random, FamilyNames);
            var middle = female ? FemaleMiddleNames[random.Next(FemaleMiddleNames.Length)] : MaleMiddleNames[random.Next(MaleMiddleNames.Length)];
            var given = female ? FemaleGivenNames[random.Next(FemaleGivenNames.Length)] : MaleGivenNames[random.Next(MaleGivenNames.Length)];
            return $"{family} {middle} {given}";
        }

        private string Phone()
        {
            while (true)
            {
                var phone = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
                if (phones.Add(phone))
                {
                    return phone;
                }
            }
        }
    }
}
