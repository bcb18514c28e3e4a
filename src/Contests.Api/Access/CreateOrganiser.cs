using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Access;

public sealed record CreateOrganiserRequest(string? Email, string? DisplayName, string? Password, string? District);

public sealed record OrganiserCreated(string Email, string DisplayName, string Role, string? District);

/// <summary>Organisers add colleagues: province organisers, or district organisers scoped to one district.</summary>
public static class CreateOrganiser
{
    private const int MinPasswordLength = 10;

    public static async Task<Results<Created<OrganiserCreated>, ProblemHttpResult>> Handle(
        CreateOrganiserRequest request, HttpContext httpContext, OrganiserAccounts accounts, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        if (!ContactRules.IsValidEmail(request.Email))
        {
            violations.Add(new RuleViolation("email", RegistrationRule.EmailFormat));
        }

        Domain.FieldChecks.RequireText(violations, "displayName", VietnameseText.Clean(request.DisplayName));
        if ((request.Password ?? string.Empty).Length < MinPasswordLength)
        {
            violations.Add(new RuleViolation("password", "password-too-short", MinPasswordLength));
        }

        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var district = VietnameseText.Clean(request.District) is { Length: > 0 } named ? named : null;
        var created = await accounts.EnsureAsync(
            request.Email!, request.DisplayName!, request.Password!, district, Actor.From(httpContext.User), cancellationToken);
        return created
            ? TypedResults.Created(
                "/api/access/organisers",
                new OrganiserCreated(OrganiserAccount.NormaliseEmail(request.Email!), VietnameseText.Clean(request.DisplayName),
                    district is null ? Roles.Organiser : Roles.DistrictOrganiser, district))
            : Problems.Conflict("organiser-exists", field: "email");
    }
}
