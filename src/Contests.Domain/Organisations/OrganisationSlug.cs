using System.Text.RegularExpressions;

namespace Contests.Domain.Organisations;

/// <summary>
/// An organising body's short name in its public addresses (<c>/o/bac-giang/board/</c>) and the tenant id its data is
/// stored under: lower-case letters, digits and single hyphens, chosen once and never changed.
/// </summary>
public static partial class OrganisationSlug
{
    public const int MaxLength = 40;

    /// <summary>The tenant that holds the platform itself (organisations, platform administrators); never an organisation.</summary>
    public const string Platform = "platform";

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { Platform, "api", "hubs", "assets", "o", "default" };

    public static string Normalise(string? slug) => (slug ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Null when the (normalised) slug may name an organisation, otherwise the rule it breaks.</summary>
    public static string? Refusal(string slug) =>
        slug.Length == 0 ? "required"
        : slug.Length > MaxLength ? "too-long"
        : !Pattern().IsMatch(slug) ? "slug-format"
        : Reserved.Contains(slug) ? "slug-reserved"
        : null;

    public static bool IsWellFormed(string slug) => slug.Length <= MaxLength && Pattern().IsMatch(slug) && !Reserved.Contains(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
