using Contests.Api.Access;
using Contests.Domain.Import;
using Contests.Domain.Registration;

namespace Contests.Api.Registration.Import;

/// <summary>A previewed import, kept so the commit applies exactly what the organiser saw.</summary>
public sealed record ImportDraft(
    Guid Id,
    Guid ContestId,
    string FileName,
    string Sha256,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<ImportField, int> Mapping,
    IReadOnlyList<DraftTeam> Teams,
    Actor PreviewedBy,
    DateTimeOffset PreviewedAt);

public sealed record DraftTeam(
    int Index, Guid TeamId, IReadOnlyList<int> Rows, TeamForm Form, IReadOnlyList<RuleViolation> Errors, IReadOnlyList<RuleViolation> Warnings, bool AlreadyImported)
{
    public bool Importable => Errors.Count == 0 && !AlreadyImported;
}

/// <summary>The column mapping an organiser last confirmed, by folded header, offered again on their next import.</summary>
public sealed record RememberedMapping(Guid Id, Dictionary<string, ImportField> Headers);

/// <summary>Where an imported team came from: the file and its rows, so a complaint can be traced to the sheet.</summary>
public sealed record ImportSource(Guid ImportId, string FileName, IReadOnlyList<int> Rows);
