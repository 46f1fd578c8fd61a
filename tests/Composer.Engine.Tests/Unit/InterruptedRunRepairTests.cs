using Composer.Orchestration.Recovery;
using Composer.Planning;

namespace Composer.Engine.Tests.Unit;

public sealed class InterruptedRunRepairTests
{
    [Fact]
    public void The_planners_temporary_names_are_recognised()
    {
        var temporary = ContainerNames.Temporary("0123456789abcdef0123", "proj-web-1");

        Assert.True(InterruptedRunRepair.IsTemporaryNameFor(temporary, "proj-web-1"));
    }

    [Theory]
    [InlineData("proj-web-1")]
    [InlineData("xyz_proj-web-1")]
    [InlineData("0123456789abcdef0_proj-web-1")]
    [InlineData("abc-proj-web-1")]
    [InlineData("other-proj-web-1")]
    public void Other_names_are_not_temporary(string name)
    {
        Assert.False(InterruptedRunRepair.IsTemporaryNameFor(name, "proj-web-1"));
    }
}
