namespace Composer.Cli.Tests;

public sealed class ErrorReportingTests
{
    [Fact]
    public async Task A_schema_error_names_file_line_column_and_path()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox\n    wrongField: 1\n");

        var result = await CliRunner.RunAsync(project.Directory, "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:4:5: services.web: additional property 'wrongField' is not allowed", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task A_yaml_syntax_error_is_located_and_has_no_stack_trace()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: [busybox\n");

        var result = await CliRunner.RunAsync(project.Directory, "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("compose.yaml:", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task A_missing_compose_file_says_where_it_looked()
    {
        using var project = new TempProject();

        var result = await CliRunner.RunAsync(project.Directory, "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(project.Directory, result.Error);
    }

    [Fact]
    public async Task A_required_variable_fails_with_its_message()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: ${IMAGE:?set IMAGE first}\n");

        var result = await CliRunner.RunAsync(project.Directory, "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("set IMAGE first", result.Error);
        Assert.Contains("compose.yaml:3:", result.Error);
    }

    [Fact]
    public async Task A_dependency_cycle_is_reported_whole()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n");

        var result = await CliRunner.RunAsync(project.Directory, "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("(a -> b -> a|b -> a -> b)", result.Error);
    }

    [Fact]
    public async Task An_unknown_service_on_the_command_line_is_a_one_line_error()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox\n");

        var result = await CliRunner.RunAsync(project.Directory, "--dry-run", "up", "-d", "nope");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("nope", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Bad_progress_mode_is_a_usage_error()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox\n");

        var result = await CliRunner.RunAsync(project.Directory, "--progress", "fancy", "config");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--progress", result.Error);
    }
}
