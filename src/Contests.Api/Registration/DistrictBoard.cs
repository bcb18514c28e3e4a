using Contests.Api.Contests;
using Marten.Events.Projections;

namespace Contests.Api.Registration;

public sealed record DistrictTally(string District, int Teams, int People);

/// <summary>
/// The public "teams per district" board of a contest. <see cref="Revision"/> counts the changes applied to the board
/// (1, 2, 3, …), so a client can tell a newer board from an older one and notice one it missed. It is deliberately
/// not named Version: Marten would overwrite that with the global event sequence.
/// </summary>
public sealed record DistrictBoard(Guid Id, long Revision, IReadOnlyList<DistrictTally> Districts)
{
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
    }

    public static DistrictBoard Create(ContestCreated created) =>
        new(created.ContestId, 1, created.Districts.Select(district => new DistrictTally(district, 0, 0)).ToList());

    public static DistrictBoard Apply(TeamRegistered registered, DistrictBoard board)
    {
        var people = registered.Members.Count + registered.Mentors.Count;
        var districts = board.Districts.Any(tally => tally.District == registered.District)
            ? board.Districts.Select(tally => tally.District == registered.District
                ? tally with { Teams = tally.Teams + 1, People = tally.People + people }
                : tally).ToList()
            : [.. board.Districts, new DistrictTally(registered.District, 1, people)];
        return board with { Revision = board.Revision + 1, Districts = districts };
    }
}
