using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Contests.Api.Entries;

public static class EntriesEndpoints
{
    public static RouteGroupBuilder MapEntries(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<EntryFileOptions>();
        var group = app.MapGroup("/api/contests/{contestId:guid}/rounds/{roundId:guid}").WithTags("Entries");

        group.MapGet("/entries/{teamId:guid}", GetEntry.Handle)
            .WithName("GetEntry")
            .WithSummary("A team's entry for the round with every revision and the one judges score (the team itself and organisers; ETag \"0\" before the first submission).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapPost("/entries/{teamId:guid}/revisions", SubmitEntry.Handle)
            .WithName("SubmitEntry")
            .WithSummary("The team submits its entry or a new revision as multipart/form-data: title, description, field, videoLinks and keepFiles (each repeatable, keepFiles naming earlier files by SHA-256) and files. Send If-Match (\"0\" the first time) and an Idempotency-Key.")
            .DisableAntiforgery() // the group's filter checks the token for every cookie-authenticated write, forms included
            // Kestrel takes 1 MB per request elsewhere; an entry's files may be up to MaxEntryBytes, plus the form's text.
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxEntryBytes + (1024 * 1024)))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.SignedIn);
        group.MapGet("/entries/{teamId:guid}/files/{sha256}", GetEntry.File)
            .WithName("DownloadEntryFile")
            .WithSummary("Downloads one file of the team's entry as an attachment (the team itself and organisers).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapGet("/submissions", Submissions.Handle)
            .WithName("GetSubmissions")
            .WithSummary("Who has and has not submitted, per district and division, one row per team that may take part; filters district, division, submitted (organisers; district organisers see their district).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapGet("/judged-entries", JudgedEntries.Handle)
            .WithName("GetJudgedEntries")
            .WithSummary("Each team's judged version (last revision before the close, or in the grace period flagged late) with team, school, district and division (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        return group;
    }
}
