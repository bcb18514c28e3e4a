using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Domain.Registration;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Registration;

public sealed record DistrictNominationsClosed(Guid ContestId, string District, int Nominated, Actor ClosedBy, DateTimeOffset ClosedAt);

/// <summary>One district's nominations to the province round: closed once its organisers have sent their list.</summary>
public sealed record DistrictNominations(Guid Id, string District, bool Closed, int NominatedWhenClosed)
{
    public long Version { get; set; }

    public static DistrictNominations Create(DistrictNominationsClosed closed) =>
        new(IdFor(closed.ContestId, closed.District), closed.District, true, closed.Nominated);

    public static Guid IdFor(Guid contestId, string district) => StreamIds.For("district-nominations", $"{contestId}/{VietnameseText.Fold(district)}");
}

public sealed record DistrictNominationStatus(string District, int Nominated, bool Closed);

/// <summary>What the province organisers watch: "10/10 districts done, 132 models".</summary>
public sealed record NominationsView(int DistrictsClosed, int DistrictsTotal, int Nominated, IReadOnlyList<DistrictNominationStatus> Districts);

/// <summary>
/// District round to province round: each district's organisers nominate their teams, then close their list; the
/// province organisers see every district's progress. A district organiser acts on their own district only.
/// </summary>
public static class Nominations
{
    public static Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Nominate(
        Guid contestId, Guid teamId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(contestId, teamId, nominate: true, httpContext, session, clock, cancellationToken);

    public static Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Withdraw(
        Guid contestId, Guid teamId, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        Change(contestId, teamId, nominate: false, httpContext, session, clock, cancellationToken);

    public static async Task<Results<Ok<DistrictNominationStatus>, ProblemHttpResult>> Close(
        Guid contestId, string district, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        if (contest.Districts.FirstOrDefault(known => VietnameseText.SameName(known, district)) is not { } known)
        {
            return Problems.Invalid([new RuleViolation("district", RegistrationRule.UnknownDistrict)]);
        }

        if (!TeamAccess.OrganisesDistrict(httpContext.User, known))
        {
            return Problems.Refused(StatusCodes.Status403Forbidden, "not-your-district");
        }

        var nominated = await session.Query<Team>().CountAsync(team => team.ContestId == contestId && team.District == known && team.Nominated, cancellationToken);
        var streamId = DistrictNominations.IdFor(contestId, known);
        if (await session.Events.FetchStreamStateAsync(streamId, cancellationToken) is null)
        {
            session.Events.StartStream<DistrictNominations>(streamId, new DistrictNominationsClosed(contestId, known, nominated, Actor.From(httpContext.User), clock.GetUtcNow()));
            await session.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new DistrictNominationStatus(known, nominated, true));
    }

    public static async Task<Results<Ok<NominationsView>, ProblemHttpResult>> Overview(
        Guid contestId, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Contest>(contestId, cancellationToken) is not { } contest)
        {
            return Problems.NotFound("contest-not-found");
        }

        var nominated = await session.Query<Team>().Where(team => team.ContestId == contestId && team.Nominated).ToListAsync(cancellationToken);
        var closed = await session.LoadManyAsync<DistrictNominations>(cancellationToken, contest.Districts.Select(district => DistrictNominations.IdFor(contestId, district)));
        var districts = contest.Districts.Order(VietnameseText.Collation).Select(district => new DistrictNominationStatus(
            district, nominated.Count(team => team.District == district), closed.Any(item => item.District == district))).ToList();
        return TypedResults.Ok(new NominationsView(districts.Count(item => item.Closed), districts.Count, nominated.Count, districts));
    }

    private static async Task<Results<Ok<TeamDetails>, ProblemHttpResult>> Change(
        Guid contestId, Guid teamId, bool nominate, HttpContext httpContext, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadExpectedVersion(httpContext, out var expectedVersion, out var refusal))
        {
            return refusal!;
        }

        var (team, accessRefusal) = await TeamAccess.Load(session, httpContext.User, contestId, teamId, cancellationToken);
        if (team is null || !TeamAccess.OrganisesDistrict(httpContext.User, team.District))
        {
            return accessRefusal ?? Problems.Refused(StatusCodes.Status403Forbidden, "not-your-district");
        }

        var rule = team.Status == TeamStatus.Withdrawn ? TeamLifecycle.AlreadyWithdrawn
            : nominate == team.Nominated ? (nominate ? "team-already-nominated" : "team-not-nominated")
            : await session.LoadAsync<DistrictNominations>(DistrictNominations.IdFor(contestId, team.District), cancellationToken) is not null ? "nominations-closed"
            : null;
        if (rule is not null)
        {
            return Problems.Refused(StatusCodes.Status409Conflict, rule);
        }

        var stream = await session.Events.FetchForWriting<Team>(teamId, expectedVersion, cancellationToken);
        var actor = Actor.From(httpContext.User);
        object change = nominate
            ? new TeamNominated(teamId, contestId, team.District, actor, clock.GetUtcNow())
            : new TeamNominationWithdrawn(teamId, contestId, team.District, actor, clock.GetUtcNow());
        stream.AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);

        var updated = team with { Nominated = nominate };
        updated.Version = expectedVersion + 1;
        ETags.Write(httpContext, updated.Version);
        return TypedResults.Ok(TeamDetails.From(updated));
    }
}
