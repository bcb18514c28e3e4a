using Microsoft.AspNetCore.Antiforgery;

namespace Contests.Api.Access;

/// <summary>
/// A signed-in browser sends its session cookie with every request, including ones another site provokes; so every
/// state-changing request made with a session must also carry the anti-forgery token from GET /api/auth/me.
/// Anonymous writes (the public registration form) carry no authority a forged request could borrow.
/// </summary>
public sealed class AntiforgeryForCookieWrites(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        if (!HttpMethods.IsGet(httpContext.Request.Method) &&
            !HttpMethods.IsHead(httpContext.Request.Method) &&
            httpContext.User.Identity?.IsAuthenticated == true)
        {
            await antiforgery.ValidateRequestAsync(httpContext);
        }

        return await next(context);
    }
}
