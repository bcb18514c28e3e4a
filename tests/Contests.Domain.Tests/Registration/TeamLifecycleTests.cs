using Contests.Domain.Registration;

namespace Contests.Domain.Tests.Registration;

public sealed class TeamLifecycleTests
{
    [Theory]
    [InlineData(TeamStatus.Submitted, TeamAction.Approve, null)]
    [InlineData(TeamStatus.Submitted, TeamAction.Return, null)]
    [InlineData(TeamStatus.Returned, TeamAction.Edit, null)]
    [InlineData(TeamStatus.Returned, TeamAction.Approve, null)]
    [InlineData(TeamStatus.Approved, TeamAction.Return, null)]
    [InlineData(TeamStatus.Approved, TeamAction.Withdraw, null)]
    [InlineData(TeamStatus.Approved, TeamAction.Approve, TeamLifecycle.NotAwaitingDecision)]
    [InlineData(TeamStatus.Returned, TeamAction.Return, TeamLifecycle.NotAwaitingDecision)]
    [InlineData(TeamStatus.Withdrawn, TeamAction.Edit, TeamLifecycle.AlreadyWithdrawn)]
    [InlineData(TeamStatus.Withdrawn, TeamAction.Approve, TeamLifecycle.AlreadyWithdrawn)]
    public void each_action_is_allowed_or_refused_by_the_current_status(TeamStatus status, TeamAction action, string? refusal) =>
        Assert.Equal(refusal, TeamLifecycle.Refusal(status, action));

    [Fact]
    public void an_edit_sends_an_approved_team_back_for_approval() =>
        Assert.Equal(TeamStatus.Submitted, TeamLifecycle.After(TeamStatus.Approved, TeamAction.Edit));

    [Fact]
    public void no_action_leads_out_of_withdrawn()
    {
        foreach (var action in Enum.GetValues<TeamAction>())
        {
            Assert.NotNull(TeamLifecycle.Refusal(TeamStatus.Withdrawn, action));
        }
    }
}
