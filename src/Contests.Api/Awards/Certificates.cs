using Contests.Domain.Awards;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Contests.Api.Awards;

/// <summary>A certificate as a decision issued it; found by its code, which only a decision can produce.</summary>
public sealed record Certificate(
    string Id,
    Guid ContestId,
    Guid RoundId,
    string DivisionCode,
    Guid TeamId,
    AwardTier Tier,
    string ContestName,
    string OrganisingBody,
    string RoundName,
    string DivisionName,
    string TeamName,
    string School,
    string District,
    IReadOnlyList<string> MemberNames,
    IReadOnlyList<string> MentorNames,
    DateTimeOffset IssuedAt);

/// <summary>Stores one certificate per award of every decision, in the transaction that records the decision.</summary>
public sealed partial class CertificateProjection : EventProjection
{
    public void Project(IEvent<AwardsDecided> decided, IDocumentOperations operations)
    {
        var data = decided.Data;
        operations.Store(data.Awards.Select(award => new Certificate(
            award.CertificateCode, data.ContestId, data.RoundId, data.DivisionCode, award.TeamId, award.Tier, data.ContestName, data.OrganisingBody,
            data.RoundName, data.DivisionName, award.TeamName, award.School, award.District, award.MemberNames, award.MentorNames, data.DecidedAt)).ToArray());
    }
}

public enum CertificateStatus
{
    /// <summary>Issued by the division's current decision.</summary>
    Valid,

    /// <summary>Issued by an earlier decision that the organisers have since replaced.</summary>
    Superseded,
}

/// <summary>What the public verification page shows for a genuine code.</summary>
public sealed record CertificateVerification(
    string Code,
    CertificateStatus Status,
    string ContestName,
    string OrganisingBody,
    string RoundName,
    string DivisionName,
    AwardTier Tier,
    string TierName,
    string TeamName,
    string School,
    string District,
    IReadOnlyList<string> MemberNames,
    IReadOnlyList<string> MentorNames,
    DateTimeOffset IssuedAt);

public static class CertificateCodes
{
    /// <summary>Codes are printed in groups of four; people type them with or without dashes, in any case.</summary>
    public static string Normalise(string code)
    {
        var characters = code.ToUpperInvariant().Where(char.IsLetterOrDigit).Take(64).ToArray();
        return string.Join('-', characters.Chunk(4).Select(chunk => new string(chunk)));
    }

    /// <summary>The certificate and whether it still stands, or null when no decision ever issued this code.</summary>
    public static async Task<CertificateVerification?> Verify(IQuerySession session, string code, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Certificate>(Normalise(code), cancellationToken) is not { } certificate)
        {
            return null;
        }

        var current = (await session.LoadAsync<RoundAwards>(RoundAwards.StreamFor(certificate.RoundId), cancellationToken))
            ?.Division(certificate.DivisionCode)?.Decision?.Awards.Any(award => award.CertificateCode == certificate.Id) == true;
        return new CertificateVerification(
            certificate.Id, current ? CertificateStatus.Valid : CertificateStatus.Superseded, certificate.ContestName, certificate.OrganisingBody,
            certificate.RoundName, certificate.DivisionName, certificate.Tier, AwardNames.Vietnamese(certificate.Tier), certificate.TeamName,
            certificate.School, certificate.District, certificate.MemberNames, certificate.MentorNames, certificate.IssuedAt);
    }
}
