using Composer.Cli.Commands;

namespace Composer.Cli.Tests;

public sealed class BuildArgumentsTests
{
    [Fact]
    public void Key_value_pairs_are_taken_as_given_and_bare_keys_come_from_the_environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["FROM_ENV"] = "env-value" };

        var parsed = BuildArguments.Parse(["A=1", "B=x=y", "EMPTY=", "FROM_ENV", "UNSET"], environment);

        Assert.Equal(new Dictionary<string, string>(StringComparer.Ordinal) { ["A"] = "1", ["B"] = "x=y", ["EMPTY"] = "", ["FROM_ENV"] = "env-value" }, parsed);
    }

    [Fact]
    public void An_argument_without_a_key_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => BuildArguments.Parse(["=1"], new Dictionary<string, string>()));

    [Fact]
    public async Task Up_refuses_build_with_no_build()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox\n");

        var result = await CliRunner.RunAsync(project.Directory, "up", "--build", "--no-build");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--build and --no-build cannot be combined", result.Error, StringComparison.Ordinal);
    }
}
