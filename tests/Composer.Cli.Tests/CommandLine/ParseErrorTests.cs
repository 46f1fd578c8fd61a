namespace Composer.Cli.Tests.CommandLine;

/// <summary>Command lines docker compose users type by habit: one readable line, a hint, exit code 2, never .NET names.</summary>
public sealed class ParseErrorTests
{
    private const string Compose = "services:\n  web:\n    image: busybox\n";

    [Fact]
    public async Task An_unknown_flag_is_named_with_one_usage_hint_and_exit_code_2()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var result = await CliRunner.RunAsync(project.Directory, "up", "--frobnicate", "never");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: unknown flag: --frobnicate", "Run 'composer up --help' for usage."], Lines(result.Error));
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task An_unknown_flag_on_a_verb_without_arguments_is_also_an_unknown_flag()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var result = await CliRunner.RunAsync(project.Directory, "config", "--nope=1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: unknown flag: --nope", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_command_gets_one_suggestion_line()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var result = await CliRunner.RunAsync(project.Directory, "upp");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: unknown command \"upp\"; did you mean \"up\"?"], Lines(result.Error));
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_flag_not_a_dotnet_type()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var result = await CliRunner.RunAsync(project.Directory, "up", "--wait-timeout", "soon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid argument \"soon\" for \"--wait-timeout\" flag: expected a whole number", result.Error);
        Assert.DoesNotContain("System.", result.Error);
        Assert.Equal(2, Lines(result.Error).Length);
    }

    [Fact]
    public async Task A_flag_without_its_value_and_a_missing_argument_are_one_line_each()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var missingValue = await CliRunner.RunAsync(project.Directory, "config", "--hash");
        var missingArgument = await CliRunner.RunAsync(project.Directory, "exec");

        Assert.Equal(2, missingValue.ExitCode);
        Assert.Contains("flag needs an argument: --hash", missingValue.Error);
        Assert.Equal(2, missingArgument.ExitCode);
        Assert.Contains("\"composer exec\" requires SERVICE", missingArgument.Error);
    }

    [Fact]
    public async Task Composer_alone_prints_the_help_and_succeeds()
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("completion", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Help_command_prints_what_dash_dash_help_prints()
    {
        var help = await CliRunner.RunAsync(Path.GetTempPath(), "help", "down");
        var flag = await CliRunner.RunAsync(Path.GetTempPath(), "down", "--help");
        var unknown = await CliRunner.RunAsync(Path.GetTempPath(), "help", "nope");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(flag.Output, help.Output);
        Assert.Contains("--remove-orphans", help.Output);
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public async Task Version_flag_and_version_command_print_the_same()
    {
        var flag = await CliRunner.RunAsync(Path.GetTempPath(), "--version");
        var command = await CliRunner.RunAsync(Path.GetTempPath(), "version");

        Assert.Equal(0, flag.ExitCode);
        Assert.Equal(command.Output, flag.Output);
        Assert.Contains(Composer.Model.ComposeLabels.ComposerVersion, flag.Output);
    }

    [Fact]
    public async Task Options_after_the_service_of_run_belong_to_the_container_command()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        // Before the service an unknown flag is composer's mistake; after it, -la and --zz are the command's own.
        var ours = await CliRunner.RunAsync(project.Directory, "run", "--zz", "web", "ls");
        var theirs = PassThrough(project.Directory, "run", "web", "ls", "-la", "--zz");

        Assert.Equal(2, ours.ExitCode);
        Assert.Contains("unknown flag: --zz", ours.Error);
        Assert.Equal(["run", "web", "--", "ls", "-la", "--zz"], theirs);
    }

    [Fact]
    public async Task An_invalid_COMPOSE_PARALLEL_LIMIT_is_a_usage_error()
    {
        using var project = new TempProject().With("compose.yaml", Compose);
        var environment = new Dictionary<string, string> { ["COMPOSE_PARALLEL_LIMIT"] = "lots" };

        var result = await CliRunner.RunAsync(project.Directory, environment, null, "ps");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("COMPOSE_PARALLEL_LIMIT must be a positive number (got 'lots')", result.Error);
    }

    [Fact]
    public async Task Bad_values_of_new_flags_are_usage_errors_before_the_engine()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var pull = await CliRunner.RunAsync(project.Directory, "up", "--pull", "sometimes");
        var policy = await CliRunner.RunAsync(project.Directory, "pull", "--policy", "never");
        var filter = await CliRunner.RunAsync(project.Directory, "ps", "--filter", "source=x");
        var lsFilter = await CliRunner.RunAsync(project.Directory, "ls", "--filter", "label=x");
        var deps = await CliRunner.RunAsync(project.Directory, "up", "--always-recreate-deps", "--no-recreate");
        var abort = await CliRunner.RunAsync(project.Directory, "up", "--abort-on-container-failure", "--abort-on-container-exit");

        Assert.All([pull, policy, filter, lsFilter, deps, abort], result => Assert.Equal(2, result.ExitCode));
        Assert.Contains("--pull must be one of always, missing, never, policy", pull.Error);
        Assert.Contains("--policy must be missing or always", policy.Error);
        Assert.Contains("unknown filter", filter.Error);
        Assert.Contains("unknown filter", lsFilter.Error);
    }

    private static string[] PassThrough(string directory, params string[] args) =>
        Composer.Cli.Commands.PassThroughArguments.Separate(args, Composer.Cli.Hosting.ComposerApp.BuildRoot(
            new Composer.Cli.Hosting.CliContext(TextWriter.Null, TextWriter.Null, TextReader.Null, new Dictionary<string, string>(), directory, false, false)));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
