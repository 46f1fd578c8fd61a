using Composer.Cli.Commands;
using Composer.Cli.Hosting;

namespace Composer.Cli.Tests.Interactive;

public sealed class PassThroughArgumentsTests
{
    private static readonly System.CommandLine.RootCommand Root = ComposerApp.BuildRoot(
        new CliContext(TextWriter.Null, TextWriter.Null, TextReader.Null, new Dictionary<string, string>(), "/", false, false));

    [Fact]
    public void Options_of_the_container_command_are_handed_through_after_the_service()
    {
        var separated = PassThroughArguments.Separate(["-p", "demo", "exec", "-T", "-e", "A=1", "web", "sh", "-c", "exit 3"], Root);

        Assert.Equal(["-p", "demo", "exec", "-T", "-e", "A=1", "web", "--", "sh", "-c", "exit 3"], separated);
    }

    [Fact]
    public void Run_is_separated_the_same_way_and_values_of_options_are_not_taken_for_the_service()
    {
        var separated = PassThroughArguments.Separate(["run", "--rm", "--name", "x", "-v", "/a:/b", "web", "ls", "-u"], Root);

        Assert.Equal(["run", "--rm", "--name", "x", "-v", "/a:/b", "web", "--", "ls", "-u"], separated);
    }

    [Theory]
    [InlineData("ps", "-a")]
    [InlineData("exec", "web")]
    [InlineData("exec", "web", "--", "ls")]
    public void Other_command_lines_are_left_alone(params string[] args) =>
        Assert.Equal(args, PassThroughArguments.Separate(args, Root));
}
