using Contests.Api.Infrastructure;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Contests.Api.Access;

public sealed record OrganiserAccount(Guid Id, string Email, string DisplayName, string PasswordHash, string? District = null)
{
    public string Role => District is null ? Roles.Organiser : Roles.DistrictOrganiser;

    public long Version { get; set; }

    public static OrganiserAccount Create(OrganiserAccountCreated created) =>
        new(created.AccountId, created.Email, created.DisplayName, created.PasswordHash, created.District);

    public static Guid IdFor(string email) => StreamIds.For("organiser-account", NormaliseEmail(email));

    public static string NormaliseEmail(string email) => VietnameseText.Clean(email).ToLowerInvariant();
}

/// <summary>Creates organiser accounts for the CLI command and the demo seed; creating one that exists changes nothing.</summary>
public sealed class OrganiserAccounts(IDocumentStore store, TimeProvider clock)
{
    private static readonly PasswordHasher<OrganiserAccount> Hasher = new();

    public Task<bool> EnsureAsync(string email, string displayName, string password, CancellationToken cancellationToken) =>
        EnsureAsync(email, displayName, password, district: null, Actor.System, cancellationToken);

    public async Task<bool> EnsureAsync(
        string email, string displayName, string password, string? district, Actor createdBy, CancellationToken cancellationToken)
    {
        var normalisedEmail = OrganiserAccount.NormaliseEmail(email);
        var accountId = OrganiserAccount.IdFor(normalisedEmail);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<OrganiserAccount>(accountId, cancellationToken) is not null)
        {
            return false;
        }

        var draft = new OrganiserAccount(accountId, normalisedEmail, VietnameseText.Clean(displayName), string.Empty);
        session.Events.StartStream<OrganiserAccount>(accountId, new OrganiserAccountCreated(
            accountId, normalisedEmail, draft.DisplayName, Hasher.HashPassword(draft, password), createdBy, clock.GetUtcNow(), district));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static bool Verify(OrganiserAccount account, string password) =>
        Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
}
