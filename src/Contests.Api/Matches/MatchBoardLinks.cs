using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Organisations;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Matches;

/// <summary>Where phones follow a board, and its QR code for the hall's big screen.</summary>
public sealed record PhoneLink(string Url, string QrCodeSvg);

public static class MatchBoardLinks
{
    public static async Task<Results<Ok<PhoneLink>, ProblemHttpResult>> Phone(
        Guid contestId, Guid roundId, HttpContext httpContext, IQuerySession session, ContestsOptions options, CancellationToken cancellationToken)
    {
        if (await MatchRounds.CheckRound(session, contestId, roundId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var organisation = RequestOrganisation.Of(httpContext, options.DefaultOrganisation);
        var url = $"{httpContext.Request.Scheme}://{httpContext.Request.Host}{RequestOrganisation.PathBase(organisation)}/standings/?contest={contestId}&round={roundId}";
        return TypedResults.Ok(new PhoneLink(url, SignInCodes.QrSvg(url)));
    }
}
