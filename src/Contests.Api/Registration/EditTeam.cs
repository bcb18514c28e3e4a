using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

public static class EditTeam
{
    public static async Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Handle(
        Guid contestId,
        Guid teamId,
        TeamForm request,
        HttpContext httpContext,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (team, accessRefusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null)
        {
            return accessRefusal!;
        }

        var contest = (await session.LoadAsync<Contest>(contestId, cancellationToken))!;
        var now = clock.GetUtcNow();
        var actor = Actor.From(httpContext.User);
        if (TeamLifecycle.Refusal(team.Status, TeamAction.Edit) is { } lifecycle)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, lifecycle);
        }

        if (!TeamAccess.ActsAsOrganiser(httpContext.User) && contest.Window?.Refusal(now) is { } closed)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, closed);
        }

        var form = TeamRegistrationRules.Normalise(request);
        if (Roles.DistrictOf(httpContext.User) is not null && !TeamAccess.OrganisesDistrict(httpContext.User, form.District ?? string.Empty))
        {
            return Problems.Refused(StatusCodes.Status403Forbidden, "not-your-district");
        }

        var memberKeys = (form.Members ?? []).Select(member => TeamRegistrationRules.CrossTeamKey(member.FullName, member.DateOfBirth)).OfType<string>().ToList();
        var membersInOtherTeams = await RosterChecks.MembersInOtherTeams(session, contestId, teamId, memberKeys, cancellationToken);
        var (registered, violations) = RegisterTeam.Decide(teamId, contest, form, membersInOtherTeams, actor, now);
        if (registered is null)
        {
            return Problems.Invalid(violations);
        }

        var nameKey = VietnameseText.Fold(registered.Name);
        if (await session.Query<Team>().AnyAsync(other => other.ContestId == contestId && other.Id != teamId && other.NameKey == nameKey, cancellationToken))
        {
            return Problems.Conflict(RegistrationRule.TeamNameTaken, field: "name");
        }

        var stream = await session.Events.FetchForWriting<Team>(teamId, expectedVersion, cancellationToken);
        var changed = new TeamDetailsChanged(
            teamId, contestId, registered.Name, registered.School, registered.District, registered.DivisionCode, registered.ContactPhone,
            registered.ContactEmail, registered.Members, registered.Mentors, team.District, team.People, actor, now);
        stream.AppendOne(changed);
        await session.SaveChangesAsync(cancellationToken);

        var updated = stream.Aggregate!.Apply(changed);
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(TeamDetails.From(updated));
    }
}
