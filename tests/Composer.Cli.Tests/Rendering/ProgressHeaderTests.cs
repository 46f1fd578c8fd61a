using Composer.Cli.Rendering;

namespace Composer.Cli.Tests.Rendering;

public sealed class ProgressHeaderTests
{
    [Theory]
    [InlineData("Running", new[] { "Creating", "Started" })]
    [InlineData("Stopping", new[] { "Stopping", "Stopped" })]
    [InlineData("Removing", new[] { "Stopped", "Removing", "Removed" })]
    [InlineData("Running", new[] { "Recreated", "Stopped" })]
    public void The_header_names_what_the_command_does(string header, string[] statuses) =>
        Assert.Equal(header, TtyProgress.Header(statuses));
}
