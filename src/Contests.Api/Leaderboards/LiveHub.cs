using System.Text.RegularExpressions;
using Contests.Api.Access;
using Contests.Api.Infrastructure;
using Contests.Api.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Contests.Api.Leaderboards;

/// <summary>
/// Clients only listen here: they subscribe to boards and receive "BoardUpdated". Every write goes through the HTTP
/// API, so the hub needs no authorization of its own beyond keeping board names well-formed — and keeping
/// organisations apart: a subscription joins the board's group within the connection's organisation (from its address
/// or session), so a board id guessed from another organisation only ever receives this organisation's board of that id.
/// </summary>
[AllowAnonymous]
public sealed partial class LiveHub(ContestsOptions options) : Hub
{
    public const string Path = "/hubs/live";
    public const string BoardUpdated = "BoardUpdated";

    public Task Subscribe(string board) =>
        IsBoardName(board)
            ? Groups.AddToGroupAsync(Context.ConnectionId, Group(Organisation(), board))
            : throw new HubException("Unknown board name.");

    /// <summary>Organisers follow the live board, which a freeze hides from the public group.</summary>
    public Task SubscribeLive(string board) =>
        IsBoardName(board) && Context.User?.IsInRole(Roles.Organiser) == true
            ? Groups.AddToGroupAsync(Context.ConnectionId, OrganiserGroup(Organisation(), board))
            : throw new HubException("Only organisers follow the live board.");

    public Task Unsubscribe(string board) =>
        IsBoardName(board)
            ? Task.WhenAll(
                Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(Organisation(), board)),
                Groups.RemoveFromGroupAsync(Context.ConnectionId, OrganiserGroup(Organisation(), board)))
            : Task.CompletedTask;

    public static string DistrictBoard(Guid contestId) => $"contest/{contestId}/districts";

    /// <summary>The SignalR group of a board within one organisation; clients only ever see the board name.</summary>
    public static string Group(string organisation, string board) => $"{organisation}:{board}";

    /// <summary>The group of organisers following a board live, through a freeze.</summary>
    public static string OrganiserGroup(string organisation, string board) => $"{organisation}:{board}#live";

    private string Organisation() =>
        Context.GetHttpContext() is { } httpContext
            ? RequestOrganisation.Of(httpContext, options.DefaultOrganisation)
            : throw new HubException("No organisation for this connection.");

    private static bool IsBoardName(string? board) => board is not null && BoardNamePattern().IsMatch(board);

    [GeneratedRegex(@"^contest/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/(districts|rounds/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/matches)$")]
    private static partial Regex BoardNamePattern();
}

/// <summary>A pushed board: <c>Previous</c> is the version of the push it follows (null when unknown), so a screen showing
/// exactly that version applies it and any other screen fetches the snapshot instead.</summary>
public sealed record BoardUpdate<T>(string Board, long Version, long? Previous, T Data);
