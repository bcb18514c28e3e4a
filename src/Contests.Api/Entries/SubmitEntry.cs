using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Notifications;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain.Entries;
using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;

namespace Contests.Api.Entries;

/// <summary>
/// A team submits its entry for a round, or a new revision of it: a multipart form with title, description, field,
/// videoLinks (repeated), keepFiles (hashes of earlier files to keep, repeated) and files. Only the team itself may,
/// only while the round takes entries (checked against the clock at this moment, whatever the jobs did), and only
/// if it took part in the previous round's advancement. Nothing is stored unless everything passes.
/// </summary>
public static class SubmitEntry
{
    public static async Task<Results<Created<EntryView>, ProblemHttpResult>> Handle(
        Guid contestId,
        Guid roundId,
        Guid teamId,
        HttpContext httpContext,
        IDocumentSession session,
        EntryFileStore files,
        EntryFileOptions options,
        NotificationEmails emails,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var user = httpContext.User;
        if (!TeamAccess.IsTheTeam(user, teamId))
        {
            return Problems.Refused(StatusCodes.Status403Forbidden, "entry-by-team-only");
        }

        var (contest, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        if (await session.LoadAsync<Team>(teamId, cancellationToken) is not { } team || team.ContestId != contestId)
        {
            return Problems.NotFound("team-not-found");
        }

        var entryId = Entry.IdFor(roundId, teamId);
        var requestKey = httpContext.Request.Headers[Idempotency.HeaderName].ToString().Trim() is { Length: > 0 and <= 100 } key ? key : null;
        var existing = await session.LoadAsync<Entry>(entryId, cancellationToken);
        if (requestKey is not null && existing?.Revisions.Any(revision => revision.RequestKey == requestKey) == true)
        {
            Idempotency.MarkReplayed(httpContext);
            return await Created(httpContext, session, existing, cancellationToken);
        }

        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var rule = round.Type != RoundType.JudgedSubmissions ? "round-takes-no-entries"
            : team.Status == TeamStatus.Withdrawn ? TeamLifecycle.AlreadyWithdrawn
            : RoundTimeline.EntryRefusal(schedule?.Times, schedule?.Cancelled ?? false, now);
        if (rule is null && await RoundLookup.AdvancedFromPrevious(session, contest!, round, cancellationToken) is { } advanced && !advanced.Contains(teamId))
        {
            rule = "team-not-advanced";
        }

        if (rule is not null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, rule, RefusalArguments(rule, schedule));
        }

        var (form, uploads, unreadable) = await ReadForm(httpContext, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var kept = (existing?.Latest()?.Content.Files ?? []).Where(file => form.KeepFiles!.Contains(file.Sha256)).ToList();
        var violations = EntryRules.Check(form, kept.Count + uploads.Count, options.Limits).ToList();
        violations.AddRange(form.KeepFiles!.Where(hash => kept.All(file => file.Sha256 != hash))
            .Select((_, index) => new RuleViolation($"keepFiles[{index}]", "unknown-file")));
        if (violations.Count > 0)
        {
            return Problems.Invalid(violations);
        }

        var staged = new List<StagedFile>();
        try
        {
            for (var index = 0; index < uploads.Count; index++)
            {
                var (file, fileRefusal) = await files.Stage(uploads[index], cancellationToken);
                if (file is null)
                {
                    return Problems.Invalid([new RuleViolation($"files[{index}]", fileRefusal!, fileRefusal == "file-too-large" ? Megabytes(options.MaxFileBytes) : null)]);
                }

                staged.Add(file);
            }

            if (kept.Sum(file => file.Size) + staged.Sum(file => file.Size) > options.MaxEntryBytes)
            {
                return Problems.Invalid([new RuleViolation("files", "entry-too-large", Megabytes(options.MaxEntryBytes))]);
            }

            var stream = await session.Events.FetchForWriting<Entry>(entryId, expectedVersion, cancellationToken);
            var late = schedule!.StateAt(now).EntriesAreLate;
            var content = new EntryContent(
                form.Title!, form.Description!, form.Field, form.VideoLinks!,
                [.. kept, .. staged.Select(file => new EntryFile(file.Sha256, file.Name, file.Type.ContentType, file.Size))]);
            var number = (stream.Aggregate?.Revisions.Count ?? 0) + 1;
            var submitted = new EntryRevisionSubmitted(entryId, contestId, roundId, teamId, number, content, late, requestKey, Actor.From(user), now);
            stream.AppendOne(submitted);
            var received = Notify.Team(
                teamId, team.ContactEmail, contestId, roundId, $"entry/{entryId}/{number}", late ? "entries-received-late" : "entries-received",
                [round.Name, number.ToString(System.Globalization.CultureInfo.InvariantCulture)], now);
            Notify.Append(session, [received]);
            // The files go into place before the events are saved: a save that fails leaves unused files, never an entry without its files.
            staged.ForEach(file => files.Keep(session.TenantId, file));
            staged.Clear();
            await session.SaveChangesAsync(cancellationToken);
            emails.Enqueue(session.TenantId, [received]);

            var entry = stream.Aggregate is { } before ? before.Apply(submitted) : Entry.Create(submitted);
            entry.Version = expectedVersion + 1;
            return await Created(httpContext, session, entry, cancellationToken);
        }
        finally
        {
            files.Discard(staged);
        }
    }

    /// <summary>"Submissions open at …", "closed at …": the refusal names the time, in Vietnam time.</summary>
    private static object[] RefusalArguments(string rule, RoundSchedule? schedule) => (rule, schedule) switch
    {
        (RoundTimeline.NotOpenYet, { } known) => [RoundCatchUp.Local(known.Times.OpensAt)],
        (RoundTimeline.Closed, { } known) => [RoundCatchUp.Local(known.Times.LocksAt)],
        _ => [],
    };

    private static int Megabytes(long bytes) => (int)(bytes / (1024 * 1024));

    private static async Task<(EntryForm Form, IReadOnlyList<IFormFile> Files, ProblemHttpResult? Refusal)> ReadForm(
        HttpContext httpContext, CancellationToken cancellationToken)
    {
        var empty = new EntryForm(null, null, null, [], []);
        if (!httpContext.Request.HasFormContentType)
        {
            return (empty, [], Problems.Refused(StatusCodes.Status415UnsupportedMediaType, "entry-form-expected"));
        }

        IFormCollection form;
        try
        {
            form = await httpContext.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body over the endpoint's limit, or an upload cut off halfway: refused whole, nothing kept.
            return (empty, [], exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException
                ? Problems.Refused(StatusCodes.Status413PayloadTooLarge, "request-too-large")
                : Problems.Refused(StatusCodes.Status400BadRequest, "upload-incomplete"));
        }

        static string? One(StringValues values) => values.Count == 0 ? null : values.ToString();
        var entry = EntryRules.Normalise(new EntryForm(
            One(form["title"]), One(form["description"]), One(form["field"]),
            form["videoLinks"].OfType<string>().ToList(), form["keepFiles"].OfType<string>().ToList()));
        return (entry, form.Files.ToList(), null);
    }

    private static async Task<Created<EntryView>> Created(HttpContext httpContext, IQuerySession session, Entry entry, CancellationToken cancellationToken)
    {
        ETags.Write(httpContext, entry.Version);
        var view = await EntryViews.For(session, entry.ContestId, entry.RoundId, entry.TeamId, entry, cancellationToken);
        return TypedResults.Created($"/api/contests/{entry.ContestId}/rounds/{entry.RoundId}/entries/{entry.TeamId}", view);
    }
}
