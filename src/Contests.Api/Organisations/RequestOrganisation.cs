using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Domain.Organisations;

namespace Contests.Api.Organisations;

/// <summary>
/// Which organisation (tenant) a request acts in. A signed-in user's comes from their session; otherwise the address
/// names it (<c>/o/{slug}/…</c>); with neither, it is the deployment's default organisation, so the plain addresses of a
/// one-organisation deployment keep working.
/// </summary>
public static class RequestOrganisation
{
    public const string AddressPrefix = "/o";

    /// <summary>
    /// Reads the organisation from what survives into every later use of the request, SignalR's long-polling copies
    /// included: the path base set by <see cref="UseOrganisationAddresses"/> and the signed-in user.
    /// </summary>
    public static string Of(HttpContext httpContext, string defaultSlug) =>
        Roles.OrganisationOf(httpContext.User) ?? FromAddress(httpContext) ?? defaultSlug;

    public static string? FromAddress(HttpContext httpContext) =>
        httpContext.Request.PathBase.StartsWithSegments(AddressPrefix, out var rest) && rest.Value is { Length: > 1 } slug
            ? slug[1..]
            : null;

    /// <summary>The address prefix of an organisation, for links that must lead back into it.</summary>
    public static string PathBase(string slug) => $"{AddressPrefix}/{slug}";

    /// <summary>
    /// Moves <c>/o/{slug}</c> from the path into the path base, so every route and static page answers under the prefix
    /// unchanged; an organisation that does not exist is a 404 before anything else runs.
    /// </summary>
    public static IApplicationBuilder UseOrganisationAddresses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(AddressPrefix, out var rest) && rest.HasValue)
            {
                var remainder = rest.Value!;
                var end = remainder.IndexOf('/', 1);
                var slug = end < 0 ? remainder[1..] : remainder[1..end];
                var directory = context.RequestServices.GetRequiredService<OrganisationDirectory>();
                if (!OrganisationSlug.IsWellFormed(slug) || !await directory.ExistsAsync(slug, context.RequestAborted))
                {
                    await Problems.Refused(StatusCodes.Status404NotFound, "organisation-not-found").ExecuteAsync(context);
                    return;
                }

                context.Request.PathBase = context.Request.PathBase.Add(PathBase(slug));
                context.Request.Path = end < 0 ? "/" : remainder[end..];
            }

            await next(context);
        });

    /// <summary>
    /// After authentication: a session belongs to one organisation, and using it under another organisation's address is
    /// refused rather than quietly answered with the session's own organisation's data.
    /// </summary>
    public static IApplicationBuilder UseOrganisationOfSession(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Roles.OrganisationOf(context.User) is { } own && FromAddress(context) is { } addressed && own != addressed)
            {
                await Problems.Refused(StatusCodes.Status403Forbidden, "other-organisation").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
