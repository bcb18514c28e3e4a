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

    public static async Task<Results<Created<TeamView>, ProblemHttpResult>> Handle(
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
            return Replayed(httpContext, alreadyRegistered);
        }

        var now = clock.GetUtcNow();
        var actor = Actor.From(httpContext.User);
        // Organisers may enter a late paper form; everybody else is held to the window at the moment of the request.
        if (actor.Role != Roles.Organiser && contest.Window?.Refusal(now) is { } closed)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, closed);
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
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // The same Idempotency-Key raced us here; the other attempt's team is the answer.
            await using var reader = session.DocumentStore.QuerySession();
            return Replayed(httpContext, (await reader.LoadAsync<Team>(teamId, cancellationToken))!);
        }
        catch (Exception exception) when (IsUniqueViolation(exception))
        {
            return Problems.Conflict(RegistrationRule.TeamNameTaken, field: "name");
        }

        var team = Team.Create(registered);
        team.Version = 1;
        return TypedResults.Created($"/api/contests/{contestId}/teams/{teamId}", TeamView.From(team));
    }

    private static Created<TeamView> Replayed(HttpContext httpContext, Team team)
    {
        Idempotency.MarkReplayed(httpContext);
        return TypedResults.Created($"/api/contests/{team.ContestId}/teams/{team.Id}", TeamView.From(team));
    }

    private static bool IsUniqueViolation(Exception exception) =>
        exception is DocumentAlreadyExistsException ||
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } ||
        exception is MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } };
}
