using Contests.Api.Access;
using Contests.Api.Contests;
using Contests.Api.Infrastructure;
using Contests.Api.Registration;
using Contests.Api.Rounds;
using Contests.Domain.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Contests.Api.Entries;

public sealed record SubmissionRow(
    Guid TeamId, string Code, string Name, string School, string District, string DivisionCode,
    bool Submitted, int Revisions, DateTimeOffset? LastSubmittedAt, bool Late, string? Title);

public sealed record SubmissionCount(string Key, int Teams, int Submitted);

/// <summary>Who has and has not submitted, counted per district and per division, with one row per team that may take part.</summary>
public sealed record SubmissionsView(
    Guid RoundId, int Teams, int Submitted, int Late, IReadOnlyList<SubmissionCount> ByDistrict, IReadOnlyList<SubmissionCount> ByDivision,
    IReadOnlyList<SubmissionRow> Rows);

public static class Submissions
{
    /// <summary>
    /// The round's submission list for organisers; a district organiser sees their own district only. Filters by
    /// district, division and submitted (true/false); the counts always cover everything the caller may see.
    /// </summary>
    public static async Task<Results<Ok<SubmissionsView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, string? district, string? division, bool? submitted, HttpContext httpContext, IQuerySession session,
        CancellationToken cancellationToken)
    {
        var (contest, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var teams = await RoundLookup.EligibleTeams(session, contest!, round, cancellationToken);
        if (Roles.DistrictOf(httpContext.User) is { } own)
        {
            teams = teams.Where(team => VietnameseText.SameName(team.District, own)).ToList();
        }

        var entries = (await session.Query<Entry>().Where(entry => entry.RoundId == roundId).ToListAsync(cancellationToken)).ToDictionary(entry => entry.TeamId);
        var rows = teams.Select(team => Row(team, entries.GetValueOrDefault(team.Id))).ToList();
        var shown = rows.Where(row =>
                (string.IsNullOrWhiteSpace(district) || VietnameseText.SameName(row.District, district)) &&
                (string.IsNullOrWhiteSpace(division) || string.Equals(row.DivisionCode, division.Trim(), StringComparison.OrdinalIgnoreCase)) &&
                (submitted is null || row.Submitted == submitted))
            .ToList();
        return TypedResults.Ok(new SubmissionsView(
            roundId,
            rows.Count,
            rows.Count(row => row.Submitted),
            rows.Count(row => row.Late),
            CountBy(contest!.Districts.Order(VietnameseText.Collation), rows, row => row.District),
            CountBy(contest.Divisions.Select(item => item.Code), rows, row => row.DivisionCode),
            shown));
    }

    private static SubmissionRow Row(Team team, Entry? entry)
    {
        var latest = entry?.Latest();
        return new SubmissionRow(
            team.Id, team.Code, team.Name, team.School, team.District, team.DivisionCode, latest is not null, entry?.Revisions.Count ?? 0,
            latest?.SubmittedAt, latest?.Late ?? false, latest?.Content.Title);
    }

    private static List<SubmissionCount> CountBy(IEnumerable<string> keys, List<SubmissionRow> rows, Func<SubmissionRow, string> key) =>
        keys.Select(name => (Name: name, Group: rows.Where(row => key(row) == name).ToList()))
            .Where(pair => pair.Group.Count > 0)
            .Select(pair => new SubmissionCount(pair.Name, pair.Group.Count, pair.Group.Count(row => row.Submitted)))
            .ToList();
}

/// <summary>The version of an entry judges score, with who sent it: what judging builds on.</summary>
public sealed record JudgedEntry(
    Guid EntryId, Guid TeamId, string TeamCode, string TeamName, string School, string District, string DivisionCode,
    int Revision, bool Late, DateTimeOffset SubmittedAt, EntryContent Content);

/// <summary><c>Final</c> once submissions are locked; before that, the list as it would be judged if the round locked now.</summary>
public sealed record JudgedEntriesView(Guid RoundId, bool Final, IReadOnlyList<JudgedEntry> Entries);

public static class JudgedEntries
{
    /// <summary>
    /// Each taking-part team's judged version (the last revision before the close, or within the grace period flagged
    /// late), in Vietnamese order of team names. Teams that sent nothing in time, or withdrew, are not listed.
    /// </summary>
    public static async Task<IReadOnlyList<JudgedEntry>> List(
        IQuerySession session, Contest contest, RoundDefinition round, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(round.Id), cancellationToken) is not { } schedule)
        {
            return [];
        }

        var teams = await RoundLookup.EligibleTeams(session, contest, round, cancellationToken);
        var entries = (await session.Query<Entry>().Where(entry => entry.RoundId == round.Id).ToListAsync(cancellationToken)).ToDictionary(entry => entry.TeamId);
        return teams
            .Select(team => (Team: team, Entry: entries.GetValueOrDefault(team.Id)))
            .Select(pair => (pair.Team, pair.Entry, Revision: pair.Entry?.Judged(schedule.Times)))
            .Where(item => item.Revision is not null)
            .Select(item => new JudgedEntry(
                item.Entry!.Id, item.Team.Id, item.Team.Code, item.Team.Name, item.Team.School, item.Team.District, item.Team.DivisionCode,
                item.Revision!.Number, item.Revision.Late, item.Revision.SubmittedAt, item.Revision.Content))
            .ToList();
    }

    public static async Task<Results<Ok<JudgedEntriesView>, ProblemHttpResult>> Handle(
        Guid contestId, Guid roundId, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (contest, round, notFound) = await RoundLookup.Find(session, contestId, roundId, cancellationToken);
        if (round is null)
        {
            return notFound!;
        }

        var schedule = await session.LoadAsync<RoundSchedule>(RoundSchedule.IdFor(roundId), cancellationToken);
        var final = schedule is not null && clock.GetUtcNow() >= schedule.Times.LocksAt;
        return TypedResults.Ok(new JudgedEntriesView(roundId, final, await List(session, contest!, round, cancellationToken)));
    }
}
