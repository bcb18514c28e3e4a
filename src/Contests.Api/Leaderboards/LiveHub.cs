using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Contests.Api.Leaderboards;

/// <summary>
/// Clients only listen here: they subscribe to boards and receive "BoardUpdated". Every write goes through the HTTP
/// API, so the hub needs no authorization of its own beyond keeping board names well-formed.
/// </summary>
[AllowAnonymous]
public sealed partial class LiveHub : Hub
{
    public const string Path = "/hubs/live";
    public const string BoardUpdated = "BoardUpdated";

    public Task Subscribe(string board) =>
        IsBoardName(board)
            ? Groups.AddToGroupAsync(Context.ConnectionId, board)
            : throw new HubException("Unknown board name.");

    public Task Unsubscribe(string board) =>
        IsBoardName(board) ? Groups.RemoveFromGroupAsync(Context.ConnectionId, board) : Task.CompletedTask;

    public static string DistrictBoard(Guid contestId) => $"contest/{contestId}/districts";

    private static bool IsBoardName(string? board) => board is not null && BoardNamePattern().IsMatch(board);

    [GeneratedRegex(@"^contest/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/(districts|rounds/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/matches)$")]
    private static partial Regex BoardNamePattern();
}

public sealed record BoardUpdate<T>(string Board, long Version, T Data);
