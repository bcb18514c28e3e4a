using Contests.Domain.Leaderboards;

namespace Contests.Domain.Tests.Leaderboards;

public sealed class RevealTests
{
    [Theory]
    [InlineData(5, 0, 5)]
    [InlineData(5, 2, 3)]
    [InlineData(5, 5, 0)]
    [InlineData(3, 5, 0)]
    public void rows_are_uncovered_from_the_bottom_one_per_step(int rows, int revealed, int concealed) =>
        Assert.Equal(concealed, Reveal.Concealed(rows, revealed));

    [Fact]
    public void a_board_takes_as_many_steps_as_its_longest_ranking()
    {
        Assert.Equal(5, Reveal.Steps([3, 5, 4]));
        Assert.Equal(0, Reveal.Steps([]));
    }
}
