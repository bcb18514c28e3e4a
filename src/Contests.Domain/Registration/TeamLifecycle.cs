namespace Contests.Domain.Registration;

public enum TeamStatus
{
    Submitted,
    Approved,
    Returned,
    Withdrawn,
}

public enum TeamAction
{
    Edit,
    Approve,
    Return,
    Withdraw,
}

/// <summary>
/// submitted → approved or returned for changes → (edited: submitted again) → withdrawn. A withdrawn team is final;
/// an approved one that edits its details goes back to the organisers for approval.
/// </summary>
public static class TeamLifecycle
{
    public const string AlreadyWithdrawn = "team-withdrawn";
    public const string NotAwaitingDecision = "team-not-awaiting-decision";

    /// <summary>Null when the action is allowed from this status, otherwise the rule that forbids it.</summary>
    public static string? Refusal(TeamStatus status, TeamAction action) => (status, action) switch
    {
        (TeamStatus.Withdrawn, _) => AlreadyWithdrawn,
        (TeamStatus.Approved, TeamAction.Approve) or (TeamStatus.Returned, TeamAction.Return) => NotAwaitingDecision,
        _ => null,
    };

    public static TeamStatus After(TeamStatus status, TeamAction action) => action switch
    {
        TeamAction.Edit => TeamStatus.Submitted,
        TeamAction.Approve => TeamStatus.Approved,
        TeamAction.Return => TeamStatus.Returned,
        TeamAction.Withdraw => TeamStatus.Withdrawn,
        _ => status,
    };
}
