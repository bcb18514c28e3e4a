using Contests.Api.Contests;
using Marten.Events.Projections;

namespace Contests.Api.Registration;

public sealed record DistrictTally(string District, int Teams, int People);

/// <summary>
/// The public "teams per district" board of a contest. <see cref="Revision"/> counts the changes applied to the board
/// (1, 2, 3, …), so a client can tell a newer board from an older one and notice one it missed. It is deliberately
/// not named Version: Marten would overwrite that with the global event sequence.
/// </summary>
public sealed record DistrictBoard(Guid Id, long Revision, IReadOnlyList<DistrictTally> Districts) : Marten.Metadata.ITenanted
{
    /// <summary>The organisation the board belongs to, set by Marten; the live push goes to that organisation's group only.</summary>
    public string? TenantId { get; set; }

    public static DistrictBoard Empty(Contest contest) =>
        new(contest.Id, 0, contest.Districts.Select(district => new DistrictTally(district, 0, 0)).ToList());
}

public sealed record DistrictBoardView(Guid ContestId, long Version, int TotalTeams, int TotalPeople, IReadOnlyList<DistrictTally> Districts)
{
    public static DistrictBoardView From(DistrictBoard board) =>
        new(board.Id, board.Revision, board.Districts.Sum(tally => tally.Teams), board.Districts.Sum(tally => tally.People), board.Districts);
}

/// <summary>
/// Runs in the async daemon (one writer, events in order), not inline: every registration touches the same board
/// document, and inline updates from concurrent requests would overwrite each other's counts.
/// </summary>
public sealed partial class DistrictBoardProjection : MultiStreamProjection<DistrictBoard, Guid>
{
    public DistrictBoardProjection()
    {
        Identity<ContestCreated>(created => created.ContestId);
        Identity<TeamRegistered>(registered => registered.ContestId);
        Identity<TeamDetailsChanged>(changed => changed.ContestId);
        Identity<TeamWithdrawn>(withdrawn => withdrawn.ContestId);
    }

    public static DistrictBoard Create(ContestCreated created) =>
        new(created.ContestId, 1, created.Districts.Select(district => new DistrictTally(district, 0, 0)).ToList());

    public static DistrictBoard Apply(TeamRegistered registered, DistrictBoard board) =>
        Count(board, registered.District, 1, registered.Members.Count + registered.Mentors.Count);

    public static DistrictBoard Apply(TeamDetailsChanged changed, DistrictBoard board)
    {
        var moved = Add(board.Districts, changed.PreviousDistrict, -1, -changed.PreviousPeople);
        return board with
        {
            Revision = board.Revision + 1,
            Districts = Add(moved, changed.District, 1, changed.Members.Count + changed.Mentors.Count),
        };
    }

    public static DistrictBoard Apply(TeamWithdrawn withdrawn, DistrictBoard board) =>
        Count(board, withdrawn.District, -1, -withdrawn.People);

    /// <summary>The board a sequence of events makes, as the daemon would build it: how a past board is rebuilt.</summary>
    public static DistrictBoard? Fold(IEnumerable<object> events) =>
        events.Aggregate((DistrictBoard?)null, (board, data) => (data, board) switch
        {
            (ContestCreated created, null) => Create(created),
            (TeamRegistered registered, { } current) => Apply(registered, current),
            (TeamDetailsChanged changed, { } current) => Apply(changed, current),
            (TeamWithdrawn withdrawn, { } current) => Apply(withdrawn, current),
            _ => board,
        });

    private static DistrictBoard Count(DistrictBoard board, string district, int teams, int people) =>
        board with { Revision = board.Revision + 1, Districts = Add(board.Districts, district, teams, people) };

    private static List<DistrictTally> Add(IReadOnlyList<DistrictTally> districts, string district, int teams, int people) =>
        districts.Any(tally => tally.District == district)
            ? districts.Select(tally => tally.District == district
                ? tally with { Teams = tally.Teams + teams, People = tally.People + people }
                : tally).ToList()
            : [.. districts, new DistrictTally(district, teams, people)];
}
