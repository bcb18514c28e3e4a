using Contests.Api.Infrastructure;
using Contests.Domain.Organisations;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Contests.Api.Access;

public sealed record OrganiserAccount(Guid Id, string Email, string DisplayName, string PasswordHash, string Role, string? District = null)
{
    public long Version { get; set; }

    public bool Disabled { get; init; }

    public static OrganiserAccount Create(OrganiserAccountCreated created) =>
        new(created.AccountId, created.Email, created.DisplayName, created.PasswordHash,
            created.Role ?? (created.District is null ? Roles.Organiser : Roles.DistrictOrganiser), created.District);

    public OrganiserAccount Apply(OrganiserRoleChanged changed) => this with { Role = changed.Role, District = changed.District };

    public OrganiserAccount Apply(OrganiserAccountDisabled disabled) => this with { Disabled = true };

    public OrganiserAccount Apply(OrganiserAccountEnabled enabled) => this with { Disabled = false };

    public static Guid IdFor(string email) => StreamIds.For("organiser-account", NormaliseEmail(email));

    public static string NormaliseEmail(string email) => VietnameseText.Clean(email).ToLowerInvariant();
}

/// <summary>
/// Password accounts: organisers and district organisers live in their organisation's tenant, platform administrators
/// in the platform's. Creating one that exists changes nothing.
/// </summary>
public sealed class OrganiserAccounts(IDocumentStore store, TimeProvider clock, ContestsOptions options, IPasswordHasher<OrganiserAccount> hasher)
{
    /// <summary>Hashed for every unknown address too, so the answer takes as long whether the address exists or not.</summary>
    private readonly Lazy<OrganiserAccount> nobody = new(() =>
    {
        var account = new OrganiserAccount(Guid.Empty, string.Empty, string.Empty, string.Empty, Roles.Organiser);
        return account with { PasswordHash = hasher.HashPassword(account, Guid.NewGuid().ToString()) };
    });

    /// <summary>An organiser of the default organisation, for the command line and the demo.</summary>
    public Task<bool> EnsureAsync(string email, string displayName, string password, CancellationToken cancellationToken) =>
        EnsureAsync(options.DefaultOrganisation, email, displayName, password, Roles.Organiser, district: null, Actor.System, cancellationToken);

    public Task<bool> EnsurePlatformAdminAsync(string email, string displayName, string password, CancellationToken cancellationToken) =>
        EnsureAsync(OrganisationSlug.Platform, email, displayName, password, Roles.PlatformAdmin, district: null, Actor.System, cancellationToken);

    public async Task<bool> EnsureAsync(
        string tenant, string email, string displayName, string password, string role, string? district, Actor createdBy,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(tenant);
        return await TryCreateAsync(session, email, displayName, password, role, district, createdBy, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Creates the account in the session's organisation unless its e-mail address is taken there; saves.</summary>
    public async Task<bool> TryCreateAsync(
        IDocumentSession session, string email, string displayName, string password, string role, string? district, Actor createdBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var normalisedEmail = OrganiserAccount.NormaliseEmail(email);
        var accountId = OrganiserAccount.IdFor(normalisedEmail);
        if (await session.Events.FetchStreamStateAsync(accountId, cancellationToken) is not null)
        {
            return false;
        }

        var draft = new OrganiserAccount(accountId, normalisedEmail, VietnameseText.Clean(displayName), string.Empty, role, district);
        session.Events.StartStream<OrganiserAccount>(accountId, new OrganiserAccountCreated(
            accountId, normalisedEmail, draft.DisplayName, hasher.HashPassword(draft, password), createdBy, now, district, role));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return false;
        }

        return true;
    }

    public bool Verify([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] OrganiserAccount? account, string password)
    {
        var checkedAgainst = account ?? nobody.Value;
        return hasher.VerifyHashedPassword(checkedAgainst, checkedAgainst.PasswordHash, password) != PasswordVerificationResult.Failed &&
               account is not null;
    }
}
