using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Leaderboards;
using Contests.Api.Registration.Import;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

public static class RegistrationEndpoints
{
    public static RouteGroupBuilder MapRegistration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests/{contestId:guid}").WithTags("Registration");

        group.MapPost("/teams", RegisterTeam.Handle)
            .WithName("RegisterTeam")
            .WithSummary("Registers a team. Send an Idempotency-Key so a resent form registers the team once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Registrant);
        group.MapGet("/teams/{teamId:guid}", GetTeam.Handle)
            .WithName("GetTeam")
            .WithSummary("A team's full registration with its status and flags, for the team itself and organisers (ETag).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapGet("/teams/{teamId:guid}/history", GetTeam.History)
            .WithName("GetTeamHistory")
            .WithSummary("Every change to a team: what, when, by whom (the team itself and organisers).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapPut("/teams/{teamId:guid}", EditTeam.Handle)
            .WithName("EditTeam")
            .WithSummary("Replaces a team's details; teams may until registration closes, organisers at any time. Send If-Match.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.SignedIn);
        group.MapPost("/teams/{teamId:guid}/approve", DecideOnTeam.Approve)
            .WithName("ApproveTeam").WithSummary("Approves a registration (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/teams/{teamId:guid}/return", DecideOnTeam.Return)
            .WithName("ReturnTeam").WithSummary("Returns a registration to the team for changes, with a reason (organisers, If-Match).")
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/teams/{teamId:guid}/withdraw", DecideOnTeam.Withdraw)
            .WithName("WithdrawTeam").WithSummary("Withdraws a team from the contest (the team itself or organisers, If-Match).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.SignedIn);
        group.MapPost("/teams/approve", DecideOnTeam.ApproveMany)
            .WithName("ApproveTeams").WithSummary("Approves many registrations at once; reports the ones it skipped and why (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/imports", ImportTeams.Preview)
            .WithName("PreviewImport")
            .WithSummary("Uploads a district's XLSX or CSV (multipart: file, optional mapping JSON) and previews every team with its errors; writes nothing but the draft (organisers).")
            .DisableAntiforgery() // the group's filter checks the token for every cookie-authenticated write, forms included
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SheetReader.MaxBytes + (1024 * 1024)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/imports/{importId:guid}/commit", ImportTeams.Commit)
            .WithName("CommitImport")
            .WithSummary("Registers the previewed teams (all importable ones, or the given indexes) in one all-or-nothing step; re-committing adds nobody (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Organiser);
        group.MapGet("/imports/template.csv", ImportTeams.Template)
            .WithName("GetImportTemplate")
            .WithSummary("A CSV template (UTF-8 with BOM) with the columns the import recognises and an example team (organisers).")
            .RequireAuthorization(Policies.Organiser);
        group.MapPost("/teams/{teamId:guid}/nomination", Nominations.Nominate)
            .WithName("NominateTeam").WithSummary("Nominates a team to the province round (its district's organisers or province organisers, If-Match).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapDelete("/teams/{teamId:guid}/nomination", Nominations.Withdraw)
            .WithName("WithdrawNomination").WithSummary("Takes back a team's nomination while its district's list is open (If-Match).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesVersionedChangeProblems()
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapPost("/nominations/{district}/close", Nominations.Close)
            .WithName("CloseDistrictNominations").WithSummary("Closes a district's list of nominations; closing again changes nothing.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapGet("/nominations", Nominations.Overview)
            .WithName("GetNominations").WithSummary("Nominations per district and how many districts have closed their list (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AnyOrganiser);
        group.MapGet("/teams/summary", RosterSummary.Handle)
            .WithName("GetRosterSummary")
            .WithSummary("Registered teams and people per district, division and status (organisers).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Organiser);
        group.MapGet("/teams", ListTeams)
            .WithName("ListTeams")
            .WithSummary("The contest's teams without personal data, sorted the Vietnamese way; filters by district, division, status and an accent-insensitive search; pages with page/pageSize (total in X-Total-Count).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        group.MapGet("/districts", GetDistrictBoard)
            .WithName("GetDistrictBoard")
            .WithSummary("Registered teams and people per district; the same board is pushed live on /hubs/live. With asOf (e.g. 2024-05-10T16:00:00+07:00) the board as it stood then, rebuilt from the event store.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowPublic();
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<TeamView>>, ProblemHttpResult>> ListTeams(
        Guid contestId,
        string? district,
        string? division,
        string? search,
        TeamStatus? status,
        int? page,
        int? pageSize,
        HttpContext httpContext,
        IQuerySession session,
        CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is null)
        {
            return Problems.NotFound("contest-not-found");
        }

        var query = session.Query<Team>().Where(team => team.ContestId == contestId);
        if (!string.IsNullOrWhiteSpace(district))
        {
            var cleanDistrict = VietnameseText.Clean(district);
            query = query.Where(team => team.District == cleanDistrict);
        }

        if (!string.IsNullOrWhiteSpace(division))
        {
            var divisionCode = division.Trim().ToUpperInvariant();
            query = query.Where(team => team.DivisionCode == divisionCode);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var folded = VietnameseText.Fold(search);
            query = query.Where(team => team.SearchKey.Contains(folded));
        }

        if (status is { } wanted)
        {
            query = query.Where(team => team.Status == wanted);
        }

        // Vietnamese collation is not PostgreSQL's default, so the order (and hence the page) is made here.
        var teams = (await query.ToListAsync(cancellationToken)).OrderBy(team => team.Name, VietnameseText.Collation).ToList();
        httpContext.Response.Headers["X-Total-Count"] = teams.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var size = Math.Clamp(pageSize ?? teams.Count, 1, Math.Max(1, teams.Count));
        var pageOfTeams = page is { } number ? teams.Skip((Math.Max(1, number) - 1) * size).Take(size) : teams;
        return TypedResults.Ok<IReadOnlyList<TeamView>>(pageOfTeams.Select(TeamView.From).ToList());
    }

    public static async Task<Results<Ok<DistrictBoardView>, ProblemHttpResult>> GetDistrictBoard(
        Guid contestId, string? asOf, IQuerySession session, CancellationToken cancellationToken)
    {
        if (!AsOf.TryParse(asOf, out var instant))
        {
            return Problems.Refused(StatusCodes.Status400BadRequest, "as-of-invalid");
        }

        if (instant is { } at)
        {
            return await DistrictBoardHistory.AsOf(session, contestId, at, cancellationToken) is { } then
                ? TypedResults.Ok(DistrictBoardView.From(then))
                : Problems.NotFound("contest-not-found");
        }

        if (await session.LoadAsync<DistrictBoard>(contestId, cancellationToken) is { } board)
        {
            return TypedResults.Ok(DistrictBoardView.From(board));
        }

        // The daemon has not reached this contest yet: an empty board at version 0 is the truth it will start from.
        return await session.LoadAsync<Contest>(contestId, cancellationToken) is { } contest
            ? TypedResults.Ok(DistrictBoardView.From(DistrictBoard.Empty(contest)))
            : Problems.NotFound("contest-not-found");
    }
}
