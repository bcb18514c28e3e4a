using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Contests.Api.Entries;

/// <summary>
/// Reading an entry and downloading its files: for the team itself, province organisers and the team's district
/// organisers (the rule is <see cref="TeamAccess.Load"/>), and for files also the judges assigned the entry.
/// </summary>
public static class GetEntry
{
    public static async Task<Results<Ok<EntryView>, StatusCodeHttpResult, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, Guid teamId, HttpContext httpContext, IQuerySession session, CancellationToken cancellationToken)
    {
        var (team, refusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null)
        {
            return refusal!;
        }

        var (_, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var entry = await session.LoadAsync<Entry>(Entry.IdFor(roundId, teamId), cancellationToken);
        var version = entry?.Version ?? 0;
        if (ETags.Matches(httpContext, version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        ETags.Write(httpContext, version);
        return TypedResults.Ok(await EntryViews.For(session, contestId, roundId, teamId, entry, cancellationToken));
    }

    /// <summary>
    /// One file of one of the entry's revisions, always as an attachment: never rendered by the browser, whatever the
    /// bytes (the type was checked at upload; X-Content-Type-Options: nosniff is on every answer).
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> File(
        Guid contestId, Guid roundId, Guid teamId, string sha256, HttpContext httpContext, IQuerySession session, EntryFileStore files,
        CancellationToken cancellationToken)
    {
        var (team, refusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null && !await Judging.ScoringAccess.IsAssignedJudge(session, httpContext.User, roundId, teamId, cancellationToken))
        {
            return refusal!;
        }

        var hash = sha256.ToLowerInvariant();
        var file = (await session.LoadAsync<Entry>(Entry.IdFor(roundId, teamId), cancellationToken))?.Revisions
            .SelectMany(revision => revision.Content.Files).FirstOrDefault(stored => stored.Sha256 == hash);
        if (file is null || files.Open(session.TenantId, hash) is not { } content)
        {
            return Problems.NotFound("entry-file-not-found");
        }

        httpContext.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return TypedResults.File(content, file.ContentType, file.Name);
    }
}
