using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Access;

public sealed record CreateOrganiserRequest(string? Email, string? DisplayName, string? Password, string? District);

public sealed record OrganiserCreated(string Email, string DisplayName, string Role, string? District);

/// <summary>Organisers add colleagues: province organisers, or district organisers scoped to one district.</summary>
public static class CreateOrganiser
{
    private const int MinPasswordLength = 10;

    /// <summary>Long enough for any passphrase, short enough that hashing it costs nothing an attacker can use.</summary>
    public const int MaxPasswordLength = 200;

    public static async Task<Results<Created<OrganiserCreated>, ProblemHttpResult>> Handle(
        CreateOrganiserRequest request, HttpContext httpContext, IDocumentSession session, OrganiserAccounts accounts, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var violations = Check(request);
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var district = VietnameseText.Clean(request.District) is { Length: > 0 } named ? named : null;
        var created = await accounts.TryCreateAsync(
            session, request.Email!, request.DisplayName!, request.Password!, district is null ? Roles.Organiser : Roles.DistrictOrganiser, district,
            Actor.From(httpContext.User), clock.GetUtcNow(), cancellationToken);
        return created
            ? TypedResults.Created(
                "/api/access/organisers",
                new OrganiserCreated(OrganiserAccount.NormaliseEmail(request.Email!), VietnameseText.Clean(request.DisplayName),
                    district is null ? Roles.Organiser : Roles.DistrictOrganiser, district))
            : Problems.Conflict("organiser-exists", field: "email");
    }

    /// <summary>The checks every new password account passes, whoever creates it.</summary>
    public static List<RuleViolation> Check(CreateOrganiserRequest request)
    {
        var violations = new List<RuleViolation>();
        if (!ContactRules.IsValidEmail(request.Email))
        {
            violations.Add(new RuleViolation("email", RegistrationRule.EmailFormat));
        }

        Domain.FieldChecks.RequireText(violations, "displayName", VietnameseText.Clean(request.DisplayName));
        if (VietnameseText.Clean(request.District).Length > Domain.FieldChecks.MaxTextLength)
        {
            violations.Add(new RuleViolation("district", RegistrationRule.TooLong, Domain.FieldChecks.MaxTextLength));
        }

        var password = request.Password ?? string.Empty;
        if (password.Length < MinPasswordLength)
        {
            violations.Add(new RuleViolation("password", "password-too-short", MinPasswordLength));
        }
        else if (password.Length > MaxPasswordLength)
        {
            violations.Add(new RuleViolation("password", RegistrationRule.TooLong, MaxPasswordLength));
        }

        return violations;
    }
}
