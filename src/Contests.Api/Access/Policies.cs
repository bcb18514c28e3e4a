using Microsoft.AspNetCore.Authorization;

namespace Contests.Api.Access;

/// <summary>
/// Every endpoint names one of these, or is public on purpose through <see cref="AllowPublic{TBuilder}"/>;
/// a test enumerates the mapped endpoints and fails on any that does neither.
/// </summary>
public static class Policies
{
    public const string Organiser = "organiser";
    public const string PlatformAdmin = "platform-admin";
    public const string SignedIn = "signed-in";

    /// <summary>Province organisers, and district organisers within their district (checked by the handler).</summary>
    public const string AnyOrganiser = "any-organiser";

    /// <summary>Anyone may register a team, except a judge or referee session: they must not create what they will score.</summary>
    public const string Registrant = "registrant";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Organiser, policy => policy.RequireRole(Roles.Organiser));
        options.AddPolicy(PlatformAdmin, policy => policy.RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(AnyOrganiser, policy => policy.RequireRole(Roles.Organiser, Roles.DistrictOrganiser));
        options.AddPolicy(Registrant, policy => policy.RequireAssertion(context =>
            !context.User.IsInRole(Roles.Judge) && !context.User.IsInRole(Roles.Referee)));
    }

    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new PublicOnPurpose());
}

/// <summary>Marks an endpoint as deliberately open to the public (boards, registration form, sign-in).</summary>
public sealed class PublicOnPurpose;
