namespace Composer.Cli.Tests;

/// <summary>Argument checks of the inspection verbs fail before the engine is needed.</summary>
public sealed class InspectionArgumentsTests
{
    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var folder = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox:latest\n");
        return await CliRunner.RunAsync(folder.Directory, args);
    }

    [Theory]
    [InlineData("port", "--protocol", "sctp", "web", "80")]
    [InlineData("port", "web", "70000")]
    [InlineData("port", "--index", "0", "web", "80")]
    [InlineData("cp", "a.txt", "b.txt")]
    [InlineData("cp", "web:/a", "web:/b")]
    [InlineData("cp", "--all", "--index", "2", "a.txt", "web:/b")]
    [InlineData("stats", "--format", "yaml")]
    public async Task Invalid_arguments_are_usage_errors_with_one_line(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
