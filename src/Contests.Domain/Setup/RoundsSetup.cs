using Contests.Domain.Registration;
using Contests.Domain.Text;

namespace Contests.Domain.Setup;

/// <summary>A round as the organiser edits it; <c>Id</c> is sent back for a round that exists, so it keeps its identity when renamed or moved.</summary>
public sealed record RoundForm(string? Name, string? Level, string? Type, Guid? Id = null);

public sealed record RoundsForm(IReadOnlyList<RoundForm>? Rounds);

/// <summary>A contest's ordered rounds: each at a level (district, province, national) and judged from submissions or played as matches.</summary>
public static class RoundsSetup
{
    public static readonly IReadOnlyList<string> Levels = ["District", "Province", "National"];
    public static readonly IReadOnlyList<string> Types = ["JudgedSubmissions", "Matches"];

    public static IReadOnlyList<RuleViolation> Check(RoundsForm form)
    {
        var violations = new List<RuleViolation>();
        var rounds = form.Rounds ?? [];
        if (rounds.Count == 0)
        {
            violations.Add(new RuleViolation("rounds", "rounds-required"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<Guid>();
        for (var index = 0; index < rounds.Count; index++)
        {
            var round = rounds[index];
            FieldChecks.RequireText(violations, $"rounds[{index}].name", VietnameseText.Clean(round.Name));
            if (!string.IsNullOrWhiteSpace(round.Name) && !names.Add(VietnameseText.Fold(round.Name)))
            {
                violations.Add(new RuleViolation($"rounds[{index}].name", "duplicate-round"));
            }

            if (round.Id is { } id && !ids.Add(id))
            {
                violations.Add(new RuleViolation($"rounds[{index}].id", "duplicate-round"));
            }

            if (!Levels.Contains(round.Level ?? string.Empty, StringComparer.Ordinal))
            {
                violations.Add(new RuleViolation($"rounds[{index}].level", "unknown-round-level"));
            }

            if (!Types.Contains(round.Type ?? string.Empty, StringComparer.Ordinal))
            {
                violations.Add(new RuleViolation($"rounds[{index}].type", "unknown-round-type"));
            }
        }

        return violations;
    }
}
