using Contests.Domain.Text;

namespace Contests.Domain.Judging;

/// <summary>What a judge declares for conflict-of-interest checks: schools, districts and organisations they belong to.</summary>
public sealed record JudgeAffiliations(IReadOnlyList<string> Schools, IReadOnlyList<string> Districts, IReadOnlyList<string> Organisations)
{
    public static JudgeAffiliations None { get; } = new([], [], []);
}

public enum ConflictKind
{
    /// <summary>The judge declared the entry's school.</summary>
    School,

    /// <summary>The judge declared the entry's district.</summary>
    District,

    /// <summary>One of the judge's organisations is the entry's school (a teacher's school, a university running a school).</summary>
    Organisation,
}

/// <summary>Why a judge may not judge an entry: the kind of tie and the affiliation as the judge declared it.</summary>
public sealed record Conflict(Guid JudgeId, ConflictKind Kind, string Affiliation);

/// <summary>
/// A judge is not assigned an entry from a school or district they are affiliated with. Names are compared the way
/// people write them: case, accents, Unicode form and spacing do not matter (<see cref="VietnameseText.Fold"/>), and a
/// leading "Trường" does not either, since "Trường THCS Nguyễn Khắc Nhu" and "THCS Nguyễn Khắc Nhu" are one school.
/// </summary>
public static class ConflictsOfInterest
{
    public static IReadOnlyList<Conflict> Between(Guid judgeId, JudgeAffiliations affiliations, string school, string district)
    {
        var conflicts = new List<Conflict>();
        conflicts.AddRange(affiliations.Schools.Where(name => SameSchool(name, school)).Select(name => new Conflict(judgeId, ConflictKind.School, name)));
        conflicts.AddRange(affiliations.Districts.Where(name => SameDistrict(name, district)).Select(name => new Conflict(judgeId, ConflictKind.District, name)));
        conflicts.AddRange(affiliations.Organisations.Where(name => SameSchool(name, school)).Select(name => new Conflict(judgeId, ConflictKind.Organisation, name)));
        return conflicts;
    }

    public static bool SameSchool(string? left, string? right)
    {
        var leftKey = SchoolKey(left);
        return leftKey.Length > 0 && leftKey == SchoolKey(right);
    }

    public static bool SameDistrict(string? left, string? right) =>
        VietnameseText.Fold(left) is { Length: > 0 } leftKey && leftKey == VietnameseText.Fold(right);

    private static string SchoolKey(string? name)
    {
        const string schoolWord = "truong ";
        var folded = VietnameseText.Fold(name);
        return folded.StartsWith(schoolWord, StringComparison.Ordinal) ? folded[schoolWord.Length..] : folded;
    }
}
