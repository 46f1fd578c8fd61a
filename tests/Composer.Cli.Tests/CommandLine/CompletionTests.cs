using System.Diagnostics;

namespace Composer.Cli.Tests.CommandLine;

/// <summary>The completion scripts, tried in a real bash against the built composer.</summary>
public sealed class CompletionTests
{
    private const string Compose = "services:\n  web:\n    image: busybox\n  worker:\n    image: busybox\n";

    [Fact]
    public async Task Candidates_are_commands_flags_and_the_compose_files_services()
    {
        using var project = new TempProject().With("compose.yaml", Compose);

        var commands = await CliRunner.RunAsync(project.Directory, "__complete", "vo");
        var flags = await CliRunner.RunAsync(project.Directory, "__complete", "up", "--no-");
        var services = await CliRunner.RunAsync(project.Directory, "__complete", "logs", "-f", "");
        var shells = await CliRunner.RunAsync(project.Directory, "__complete", "completion", "");

        Assert.Equal("volumes\n", commands.Output);
        Assert.Contains("--no-deps", flags.Output.Split('\n'));
        Assert.Contains("--no-build", flags.Output.Split('\n'));
        Assert.Equal("web\nworker\n", services.Output);
        Assert.Equal("bash\nfish\nzsh\n", shells.Output);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task Each_shell_gets_a_script_that_calls_back_into_composer(string shell)
    {
        var result = await CliRunner.RunAsync(Path.GetTempPath(), "completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("composer __complete", result.Output);
    }

    [Fact]
    public async Task The_bash_script_completes_commands_flags_and_services_in_bash()
    {
        using var project = new TempProject().With("compose.yaml", Compose);
        var script = (await CliRunner.RunAsync(project.Directory, "completion", "bash")).Output;
        var scriptPath = Path.Combine(project.Directory, "composer.bash");
        await File.WriteAllTextAsync(scriptPath, script);

        Assert.Equal(["restart"], await CompleteInBashAsync(project.Directory, scriptPath, "composer", "resta"));
        Assert.Equal(["--remove-orphans"], await CompleteInBashAsync(project.Directory, scriptPath, "composer", "down", "--remove-o"));
        Assert.Equal(["web", "worker"], await CompleteInBashAsync(project.Directory, scriptPath, "composer", "stop", ""));
        Assert.Equal(["worker"], await CompleteInBashAsync(project.Directory, scriptPath, "composer", "-f", "compose.yaml", "restart", "wo"));
    }

    // Sets COMP_WORDS/COMP_CWORD as bash does for a line being completed, calls the script's function, prints COMPREPLY.
    private static async Task<string[]> CompleteInBashAsync(string directory, string scriptPath, params string[] words)
    {
        var composer = Environment.GetEnvironmentVariable("COMPOSER_BIN") is { Length: > 0 } native
            ? $"'{native}'"
            : $"dotnet '{Path.Combine(AppContext.BaseDirectory, "composer.dll")}'";
        var quoted = string.Join(' ', words.Select(word => $"'{word}'"));
        var program = $$"""
            composer() { {{composer}} "$@"; }
            source '{{scriptPath}}'
            COMP_WORDS=({{quoted}})
            COMP_CWORD={{words.Length - 1}}
            _composer_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = new ProcessStartInfo("bash", ["-c", program])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
