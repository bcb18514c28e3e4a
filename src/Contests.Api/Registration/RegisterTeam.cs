using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Marten;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Contests.Api.Registration;

/// <summary>The answer to a registration: the team, and the personal code (also as a link) that opens its portal.</summary>
public sealed record TeamRegistration(TeamView Team, string PortalCode, string PortalUrl, string PortalQrCodeSvg, DateTimeOffset PortalCodeExpiresAt);

public static class RegisterTeam
{
    /// <summary>Decides from the contest and the normalised form; refusals come back as rule violations and nothing is appended.</summary>
    public static (TeamRegistered? Registered, IReadOnlyList<RuleViolation> Violations) Decide(
        Guid teamId, Contest contest, TeamForm form, IReadOnlySet<string> membersInOtherTeams, Actor actor, DateTimeOffset now)
    {
        var violations = TeamRegistrationRules.Check(form, contest.RegistrationContext(now, membersInOtherTeams));
        if (violations.Count > 0)
        {
            return (null, violations);
        }

        var district = contest.Districts.First(known => Domain.Text.VietnameseText.SameName(known, form.District));
        var division = contest.Divisions.First(known => string.Equals(known.Code, form.DivisionCode, StringComparison.OrdinalIgnoreCase));
        var registered = new TeamRegistered(
            teamId,
            contest.Id,
            TeamCodes.For(teamId),
            form.Name!,
            form.School!,
            district,
            division.Code,
            form.ContactPhone!,
            form.ContactEmail!,
            form.Members!.Select(member => new TeamMember(member.FullName!, member.DateOfBirth, member.Grade, member.Gender, member.Phone)).ToList(),
            form.Mentors!.Select(mentor => new TeamMentor(mentor.FullName!, mentor.Phone!, mentor.Email!)).ToList(),
            actor,
            now);
        return (registered, []);
    }

    private static readonly TimeSpan PortalCodeValidity = TimeSpan.FromDays(30);

    public static async Task<Results<Created<TeamRegistration>, ProblemHttpResult>> Handle(
        Guid contestId,
        TeamForm request,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        var teamId = Idempotency.NewStreamId(httpContext, $"register-team/{contestId}");
        if (await session.LoadAsync<Team>(teamId, cancellationToken) is { } alreadyRegistered)
        {
            return await Replayed(httpContext, session, alreadyRegistered, clock.GetUtcNow(), cancellationToken);
        }

        var now = clock.GetUtcNow();
        var actor = Actor.From(httpContext.User);
        // Organisers may enter a late paper form; everybody else is held to the window at the moment of the request.
        if (!TeamAccess.ActsAsOrganiser(httpContext.User) && contest.Window?.Refusal(now) is { } closed)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, closed);
        }

        if (Roles.DistrictOf(httpContext.User) is not null && !TeamAccess.OrganisesDistrict(httpContext.User, request.District ?? string.Empty))
        {
            return Problems.Refused(StatusCodes.Status403Forbidden, "not-your-district");
        }

        var form = TeamRegistrationRules.Normalise(request);
        var memberKeys = (form.Members ?? []).Select(member => TeamRegistrationRules.CrossTeamKey(member.FullName, member.DateOfBirth)).OfType<string>().ToList();
        var membersInOtherTeams = await RosterChecks.MembersInOtherTeams(session, contestId, teamId, memberKeys, cancellationToken);
        var (registered, violations) = Decide(teamId, contest, form, membersInOtherTeams, actor, now);
        if (registered is null)
        {
            return Problems.Invalid(violations);
        }

        var nameKey = Domain.Text.VietnameseText.Fold(registered.Name);
        if (await session.Query<Team>().AnyAsync(team => team.ContestId == contestId && team.NameKey == nameKey, cancellationToken))
        {
            return Problems.Conflict(RegistrationRule.TeamNameTaken, field: "name");
        }

        session.Events.StartStream<Team>(teamId, registered);
        var portal = SignInCodes.AppendIssued(session, Roles.Team, registered.Name, PortalCodeValidity, actor, now, teamId);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // The same Idempotency-Key raced us here; the other attempt's team is the answer.
            await using var retry = session.DocumentStore.LightweightSession(session.TenantId);
            return await Replayed(httpContext, retry, (await retry.LoadAsync<Team>(teamId, cancellationToken))!, now, cancellationToken);
        }
        catch (Exception exception) when (IsUniqueViolation(exception))
        {
            return Problems.Conflict(RegistrationRule.TeamNameTaken, field: "name");
        }

        var team = Team.Create(registered);
        team.Version = 1;
        return Created(httpContext, session.TenantId, team, portal);
    }

    /// <summary>
    /// A resent registration gets the team it created, with a fresh portal code: the first answer, and the code in it,
    /// may be exactly what the network lost.
    /// </summary>
    private static async Task<Created<TeamRegistration>> Replayed(
        HttpContext httpContext, IDocumentSession session, Team team, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Idempotency.MarkReplayed(httpContext);
        var portal = await SignInCodes.IssueAsync(
            session, Roles.Team, team.Name, PortalCodeValidity, Actor.From(httpContext.User), now, team.Id, cancellationToken);
        return Created(httpContext, session.TenantId, team, portal);
    }

    private static Created<TeamRegistration> Created(HttpContext httpContext, string organisation, Team team, (string Code, DateTimeOffset ExpiresAt) portal)
    {
        var url = SignInCodes.SignInUrl(httpContext.Request, organisation, Roles.Team, portal.Code, team.ContestId);
        return TypedResults.Created(
            $"/api/contests/{team.ContestId}/teams/{team.Id}",
            new TeamRegistration(TeamView.From(team), portal.Code, url, SignInCodes.QrSvg(url), portal.ExpiresAt));
    }

    private static bool IsUniqueViolation(Exception exception) =>
        exception is DocumentAlreadyExistsException ||
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } ||
        exception is MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } };
}
