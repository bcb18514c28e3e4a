using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Import;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration.Import;

public sealed record ImportProblem(string Field, string Rule, string Message);

public sealed record ImportTeamPreview(
    int Index, IReadOnlyList<int> Rows, string Name, string District, string DivisionCode, int Members, int Mentors,
    IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportProblem> Warnings, bool AlreadyImported);

public sealed record ImportPreview(
    Guid Id, string FileName, IReadOnlyList<string> Headers, IReadOnlyDictionary<ImportField, int> Mapping,
    int Teams, int Importable, int WithErrors, int AlreadyImported, IReadOnlyList<ImportTeamPreview> TeamPreviews);

public sealed record CommitImportForm(IReadOnlyList<int>? TeamIndexes);

public sealed record ImportCommitted(Guid ImportId, int Imported, IReadOnlyList<Guid> TeamIds);

/// <summary>
/// District spreadsheets in two steps: preview every row's team with its errors (nothing written but the draft), then
/// commit the accepted teams in one transaction. Team stream ids come from the contest and the folded team name, so
/// committing the same file twice adds nobody.
/// </summary>
public static class ImportTeams
{
    public static async Task<Results<Ok<ImportPreview>, ProblemHttpResult>> Preview(
        Guid contestId,
        IFormFile file,
        [Microsoft.AspNetCore.Mvc.FromForm] string? mapping,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        if (file.Length > SheetReader.MaxBytes)
        {
            return Problems.Refused(StatusCodes.Status413PayloadTooLarge, "import-too-large");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var (sheet, refusal) = SheetReader.Read(bytes);
        if (sheet is null)
        {
            return Problems.Refused(refusal == "import-too-large" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity, refusal!);
        }

        var organiserId = Guid.Parse(httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var columns = await ChooseMapping(session, organiserId, sheet.Headers, mapping, cancellationToken);
        if (columns is null)
        {
            return Problems.Invalid([new RuleViolation("mapping", "import-mapping-invalid")]);
        }

        var draft = await Check(session, contest, sheet, columns, file.FileName, bytes, Actor.From(httpContext.User), clock.GetUtcNow(), cancellationToken);
        session.Store(draft);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(draft));
    }

    public static async Task<Results<Ok<ImportCommitted>, ProblemHttpResult>> Commit(
        Guid contestId,
        Guid importId,
        CommitImportForm request,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<ImportDraft>(importId, cancellationToken) is not { } draft || draft.ContestId != contestId)
        {
            return Problems.NotFound("import-not-found");
        }

        var chosen = request.TeamIndexes is null
            ? draft.Teams.Where(team => team.Importable).ToList()
            : draft.Teams.Where(team => request.TeamIndexes.Contains(team.Index) && !team.AlreadyImported).ToList();
        if (chosen.Any(team => team.Errors.Count > 0))
        {
            return Problems.Invalid([new RuleViolation("teamIndexes", "import-rows-invalid")]);
        }

        var actor = Actor.From(httpContext.User);
        var now = clock.GetUtcNow();
        var contest = (await session.LoadAsync<Contest>(contestId, cancellationToken))!;
        foreach (var team in chosen)
        {
            var (registered, _) = RegisterTeam.Decide(team.TeamId, contest, team.Form, new HashSet<string>(), actor, now);
            session.Events.StartStream<Team>(team.TeamId, registered! with { Source = new ImportSource(draft.Id, draft.FileName, team.Rows) });
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Marten.Exceptions.ExistingStreamIdCollisionException or DocumentAlreadyExistsException
                                              or Marten.Exceptions.MartenCommandException)
        {
            // Someone registered one of these teams since the preview: all or nothing, so nothing; preview again.
            return Problems.Refused(StatusCodes.Status409Conflict, "import-stale");
        }

        return TypedResults.Ok(new ImportCommitted(draft.Id, chosen.Count, chosen.Select(team => team.TeamId).ToList()));
    }

    /// <summary>A CSV template with the headers the import recognises and one example team; UTF-8 with BOM for Excel.</summary>
    public static FileContentHttpResult Template()
    {
        string[] example = ["Robo Sao Mai", "Trường THCS Nguyễn Khắc Nhu", "Việt Yên", "THCS", "Thành viên", "Nguyễn Văn An", "14/03/2011", "8", "Nam", "", "", "0912345678", "lienhe@thcs.edu.vn"];
        string[] mentor = ["Robo Sao Mai", "", "", "", "Người hướng dẫn", "Lê Thu Hà", "", "", "Nữ", "0977123456", "ha.le@thcs.edu.vn", "", ""];
        var lines = new[] { TeamSheet.TemplateHeaders.Select(header => header.Header).ToArray(), example, mentor }
            .Select(cells => string.Join(',', cells.Select(cell => cell.Contains(',', StringComparison.Ordinal) ? $"\"{cell}\"" : cell)));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "mau-dang-ky-doi.csv");
    }

    private static async Task<IReadOnlyDictionary<ImportField, int>?> ChooseMapping(
        IDocumentSession session, Guid organiserId, IReadOnlyList<string> headers, string? requested, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            var remembered = await session.LoadAsync<RememberedMapping>(organiserId, cancellationToken);
            return TeamSheet.GuessMapping(headers, remembered?.Headers);
        }

        Dictionary<ImportField, int>? columns;
        try
        {
            columns = JsonSerializer.Deserialize<Dictionary<ImportField, int>>(requested, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }

        if (columns is null || columns.Values.Any(column => column < 0 || column >= headers.Count))
        {
            return null;
        }

        // Remember the organiser's choice by header text, so the next district's sheet with the same headers maps itself.
        session.Store(new RememberedMapping(organiserId, columns.ToDictionary(pair => VietnameseText.Fold(headers[pair.Value]), pair => pair.Key)));
        return columns;
    }

    private static async Task<ImportDraft> Check(
        IQuerySession session, Contest contest, Sheet sheet, IReadOnlyDictionary<ImportField, int> mapping, string fileName, byte[] bytes,
        Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grouped = TeamSheet.Group(sheet.Rows, mapping).Select(team => team with { Form = TeamRegistrationRules.Normalise(team.Form) }).ToList();
        var sharedInFile = TeamSheet.MembersInSeveralTeams(grouped.Select(team => team.Form));
        var existing = await session.Query<Team>().Where(team => team.ContestId == contest.Id).ToListAsync(cancellationToken);
        var existingNames = existing.ToDictionary(team => team.NameKey, team => team.Id);
        var existingMembers = existing.SelectMany(team => team.MemberKeys).ToHashSet();

        var teams = grouped.Select((team, index) =>
        {
            var teamId = StreamIds.For($"import/{contest.Id}", VietnameseText.Fold(team.Form.Name));
            var alreadyImported = existingNames.TryGetValue(VietnameseText.Fold(team.Form.Name), out var holder) && holder == teamId;
            var memberKeys = (team.Form.Members ?? [])
                .Select(member => TeamRegistrationRules.CrossTeamKey(member.FullName, member.DateOfBirth)).OfType<string>();
            var elsewhere = alreadyImported ? [] : memberKeys.Where(key => sharedInFile.Contains(key) || existingMembers.Contains(key)).ToHashSet();
            var errors = team.ReadErrors
                .Concat(TeamRegistrationRules.Check(team.Form, contest.RegistrationContext(now, elsewhere)))
                .DistinctBy(violation => violation.Field)
                .ToList();
            if (!alreadyImported && holder != Guid.Empty && holder != teamId)
            {
                errors.Add(new RuleViolation("name", RegistrationRule.TeamNameTaken));
            }

            return new DraftTeam(index, teamId, team.Rows, team.Form, errors, TeamSheet.Warnings(team.Form, contest.Districts), alreadyImported);
        }).ToList();

        var sha = Convert.ToHexString(SHA256.HashData(bytes));
        var draftId = StreamIds.For("import-draft", $"{contest.Id}/{sha}/{string.Join(',', mapping.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}={pair.Value}"))}");
        return new ImportDraft(draftId, contest.Id, SafeFileName(fileName), sha, sheet.Headers, mapping, teams, actor, now);
    }

    /// <summary>The name as shown and recorded: no folders, no control characters, not longer than any other text.</summary>
    private static string SafeFileName(string fileName)
    {
        var name = VietnameseText.Clean(Path.GetFileName(fileName.Replace('\\', '/')));
        return name.Length > Domain.FieldChecks.MaxTextLength ? name[..Domain.FieldChecks.MaxTextLength] : name;
    }

    private static ImportPreview View(ImportDraft draft) => new(
        draft.Id,
        draft.FileName,
        draft.Headers,
        draft.Mapping,
        draft.Teams.Count,
        draft.Teams.Count(team => team.Importable),
        draft.Teams.Count(team => team.Errors.Count > 0),
        draft.Teams.Count(team => team.AlreadyImported),
        draft.Teams.Select(team => new ImportTeamPreview(
            team.Index, team.Rows, team.Form.Name ?? string.Empty, team.Form.District ?? string.Empty, team.Form.DivisionCode ?? string.Empty,
            team.Form.Members?.Count ?? 0, team.Form.Mentors?.Count ?? 0,
            Described(team.Errors),
            Described(team.Warnings),
            team.AlreadyImported)).ToList());

    private static List<ImportProblem> Described(IEnumerable<RuleViolation> violations) =>
        violations.Select(violation => new ImportProblem(
            violation.Field, violation.Rule, violation.Limit is { } limit ? Texts.Get(violation.Rule, limit) : Texts.Get(violation.Rule))).ToList();
}
