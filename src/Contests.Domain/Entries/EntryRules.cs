using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using Contests.Domain.Text;

namespace Contests.Domain.Entries;

/// <summary>What a team sends for a round; files travel beside it, and <c>KeepFiles</c> names (by hash) the earlier ones to keep.</summary>
public sealed record EntryForm(string? Title, string? Description, string? Field, IReadOnlyList<string>? VideoLinks, IReadOnlyList<string>? KeepFiles);

/// <summary>How much a team may upload: per file, per entry (all its files together) and how many files.</summary>
public sealed record EntryLimits(long MaxFileBytes, long MaxEntryBytes, int MaxFiles);

/// <summary>When a revision was accepted, for choosing the one the judges see.</summary>
public sealed record RevisionStamp(int Number, DateTimeOffset SubmittedAt);

/// <summary>The revision judges score, and whether it came in during the grace period.</summary>
public sealed record JudgedRevision(int Number, bool Late);

public static class EntryRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxFieldLength = 100;
    public const int MaxVideoLinks = 5;
    public const int MaxLinkLength = 500;
    public const int MaxFileNameLength = 150;

    public static EntryForm Normalise(EntryForm form) => form with
    {
        Title = VietnameseText.Clean(form.Title),
        Description = (form.Description ?? string.Empty).Normalize(System.Text.NormalizationForm.FormC).Trim(),
        Field = VietnameseText.Clean(form.Field) is { Length: > 0 } field ? field : null,
        VideoLinks = (form.VideoLinks ?? []).Select(link => link.Trim()).Where(link => link.Length > 0).ToList(),
        KeepFiles = (form.KeepFiles ?? []).Select(hash => hash.Trim().ToLowerInvariant()).Where(hash => hash.Length > 0).Distinct().ToList(),
    };

    /// <summary>Checks a normalised form's text and links; <paramref name="fileCount"/> counts kept and new files.</summary>
    public static IReadOnlyList<RuleViolation> Check(EntryForm form, int fileCount, EntryLimits limits)
    {
        var violations = new List<RuleViolation>();
        FieldChecks.RequireText(violations, "title", form.Title, MaxTitleLength);
        if ((form.Description ?? string.Empty).Length > MaxDescriptionLength)
        {
            violations.Add(new RuleViolation("description", RegistrationRule.TooLong, MaxDescriptionLength));
        }

        if ((form.Field ?? string.Empty).Length > MaxFieldLength)
        {
            violations.Add(new RuleViolation("field", RegistrationRule.TooLong, MaxFieldLength));
        }

        var links = form.VideoLinks ?? [];
        if (links.Count > MaxVideoLinks)
        {
            violations.Add(new RuleViolation("videoLinks", "too-many-video-links", MaxVideoLinks));
        }

        for (var index = 0; index < links.Count; index++)
        {
            if (!IsVideoLink(links[index]))
            {
                violations.Add(new RuleViolation($"videoLinks[{index}]", "video-link-invalid"));
            }
        }

        if (links.Count == 0 && fileCount == 0)
        {
            violations.Add(new RuleViolation("videoLinks", "entry-empty"));
        }

        if (fileCount > limits.MaxFiles)
        {
            violations.Add(new RuleViolation("files", "too-many-files", limits.MaxFiles));
        }

        return violations;
    }

    /// <summary>An absolute http(s) address with a host, no credentials in it, of a reasonable length.</summary>
    public static bool IsVideoLink(string? link) =>
        link is { Length: > 0 and <= MaxLinkLength } &&
        Uri.TryCreate(link, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        uri.Host.Contains('.', StringComparison.Ordinal) &&
        string.IsNullOrEmpty(uri.UserInfo);

    /// <summary>
    /// A file name safe to keep and to offer back in Content-Disposition: no folders, no control characters, NFC,
    /// at most <see cref="MaxFileNameLength"/> characters; "tep" when nothing is left.
    /// </summary>
    public static string CleanFileName(string? name)
    {
        var leaf = (name ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var kept = new string(leaf.Normalize(System.Text.NormalizationForm.FormC).Where(character => !char.IsControl(character)).ToArray()).Trim().Trim('.');
        if (kept.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(kept);
            kept = kept[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return kept.Length == 0 ? "tep" : kept;
    }

    /// <summary>
    /// The revision judges score: the last one accepted before the close, or failing that within the grace period
    /// (flagged late). Revisions after the lock are never judged; null when the team sent nothing in time.
    /// </summary>
    public static JudgedRevision? JudgedVersion(IReadOnlyList<RevisionStamp> revisions, RoundTimes times)
    {
        var last = revisions.Where(revision => revision.SubmittedAt < times.LocksAt).MaxBy(revision => revision.Number);
        return last is null ? null : new JudgedRevision(last.Number, last.SubmittedAt >= times.ClosesAt);
    }
}
