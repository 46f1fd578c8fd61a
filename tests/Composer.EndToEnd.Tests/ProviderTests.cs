using System.Diagnostics;
using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>
/// Provider services through the CLI with a real plugin: a shell script the test writes, found where docker compose
/// looks (DOCKER_CONFIG/cli-plugins/docker-&lt;type&gt;, or &lt;type&gt; on PATH), that records every call.
/// </summary>
public sealed class ProviderTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string Dependent = """
          web:
            image: busybox:latest
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            stop_grace_period: 2s
            depends_on: [db]
            environment:
              CLOUD_REGION: mine
        """;

    [Fact]
    public async Task Up_runs_the_plugin_and_gives_its_variables_to_the_dependent_and_down_runs_its_down()
    {
        await using var stack = new StackFolder("prov", $"""
            services:
              db:
                provider:
                  type: composertest
                  options:
                    size: 256
                    tags: [a, b]
            {Dependent}
            """);
        var plugins = Path.Combine(stack.Directory, "docker-config", "cli-plugins");
        var calls = Path.Combine(stack.Directory, "calls.txt");
        WriteScript(Path.Combine(plugins, "docker-composertest"), $$"""
            #!/bin/sh
            echo "$*" >> {{calls}}
            case "$3" in
              up)
                echo '{"type": "debug", "message": "starting"}'
                echo '{"type": "info", "message": "provisioning 50%"}'
                echo '{"type": "setenv", "message": "URL=mysql://cloud/db?x=1"}'
                echo '{"type": "rawsetenv", "message": "CLOUD_REGION=eu-1"}'
                ;;
              down)
                echo '{"type": "info", "message": "released"}'
                ;;
            esac
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DOCKER_CONFIG"] = Path.GetDirectoryName(plugins)! };
        var web = $"{stack.ProjectName}-web-1";

        var (upCode, up) = await RunAsync(stack, environment, "up", "-d");
        Assert.True(upCode == 0, up.Error);
        var env = await InspectAsync(web, "{{json .Config.Env}}");
        var firstId = await InspectAsync(web, "{{.Id}}");
        var (againCode, again) = await RunAsync(stack, environment, "up", "-d", "--wait");
        var secondId = await InspectAsync(web, "{{.Id}}");
        var (noDepsCode, noDeps) = await RunAsync(stack, environment, "up", "-d", "--no-deps", "web");
        var noDepsId = await InspectAsync(web, "{{.Id}}");
        var (dryCode, dry) = await RunAsync(stack, environment, "--dry-run", "up", "-d");
        var (runCode, run) = await RunAsync(stack, environment, "run", "--rm", "web", "sh", "-c", "echo url=$DB_URL");
        var (runProviderCode, runProvider) = await RunAsync(stack, environment, "run", "--rm", "db");
        var callsBeforeDown = Calls(calls);
        var (downCode, down) = await RunAsync(stack, environment, "down");

        Assert.Contains(" Service db  provisioning 50%", up.Error, StringComparison.Ordinal);
        Assert.Contains(" Service db  Created", up.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("starting", up.Error, StringComparison.Ordinal);
        Assert.Contains("warning: provider \"db\" overrides environment variable \"CLOUD_REGION\" in service \"web\"", up.Error, StringComparison.Ordinal);
        Assert.Contains("\"DB_URL=mysql://cloud/db?x=1\"", env, StringComparison.Ordinal);
        Assert.Contains("\"CLOUD_REGION=eu-1\"", env, StringComparison.Ordinal);

        // The plugin answers the same again: the dependent keeps its container (and --wait does not wait for the provider).
        Assert.True(againCode == 0, again.Error);
        Assert.Equal(firstId, secondId);

        // up --no-deps web still asks the provider (web would lose DB_URL otherwise) and keeps web.
        Assert.True(noDepsCode == 0, noDeps.Error);
        Assert.Equal(firstId, noDepsId);

        // A dry run shows the provider's step and does not run the plugin.
        Assert.True(dryCode == 0, dry.Error);
        Assert.Contains("#1 ProviderUp db by composertest (provider service; its variables go to web)", dry.Output, StringComparison.Ordinal);
        var upCall = $"compose --project-name={stack.ProjectName} up --size=256 --tags=a --tags=b db";
        Assert.Equal([upCall, upCall, upCall, upCall], callsBeforeDown);

        // run brings the provider up as a dependency and gives the one-off container its variables; a provider has no container to run.
        Assert.True(runCode == 0, run.Error);
        Assert.Contains("url=mysql://cloud/db?x=1", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, runProviderCode);
        Assert.Contains("service \"db\" is a provider service: its tool runs with up, it has no container to run", runProvider.Error, StringComparison.Ordinal);

        Assert.True(downCode == 0, down.Error);
        Assert.Equal($"compose --project-name={stack.ProjectName} down --size=256 --tags=a --tags=b db", Calls(calls)[^1]);
        Assert.Contains(" Service db  Removed", down.Error, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_plugin_with_metadata_gets_only_the_options_it_declares_is_stopped_by_stop_and_a_missing_required_option_fails_up()
    {
        await using var stack = new StackFolder("provmeta", $$"""
            services:
              db:
                provider:
                  type: composermeta
                  options: {size: 1, name: x, tags: t}
            {{Dependent}}
            """);
        var plugins = Path.Combine(stack.Directory, "docker-config", "cli-plugins");
        var calls = Path.Combine(stack.Directory, "calls.txt");
        WriteScript(Path.Combine(plugins, "docker-composermeta"), $$$"""
            #!/bin/sh
            echo "$*" >> {{{calls}}}
            if [ "$2" = metadata ]; then
              echo '{"description": "test tool", "up": {"parameters": [{"name": "size", "required": true}, {"name": "name"}]}, "down": {"parameters": [{"name": "name"}]}, "stop": {"parameters": []}}'
              exit 0
            fi
            if [ "$3" = up ]; then echo '{"type": "setenv", "message": "URL=u"}'; fi
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DOCKER_CONFIG"] = Path.GetDirectoryName(plugins)! };

        var (upCode, up) = await RunAsync(stack, environment, "up", "-d");
        var (stopCode, stop) = await RunAsync(stack, environment, "stop");
        var webAfterStop = await InspectAsync($"{stack.ProjectName}-web-1", "{{.State.Status}}");
        var (downCode, down) = await RunAsync(stack, environment, "down");
        stack.Write($$"""
            services:
              db:
                provider:
                  type: composermeta
                  options: {name: x}
            {{Dependent}}
            """);
        var (missingCode, missing) = await RunAsync(stack, environment, "up", "-d");

        Assert.True(upCode == 0 && stopCode == 0 && downCode == 0, up.Error + stop.Error + down.Error);
        Assert.Equal(
            [
                $"compose --project-name={stack.ProjectName} up --name=x --size=1 db",
                $"compose --project-name={stack.ProjectName} stop db",
                $"compose --project-name={stack.ProjectName} down --name=x db",
            ],
            Calls(calls));
        Assert.Contains(" Service db  Stopped", stop.Error, StringComparison.Ordinal);
        Assert.Equal("exited", webAfterStop);
        Assert.Equal(1, missingCode);
        Assert.Contains("service \"db\": provider composermeta requires option \"size\" for up (its metadata says so), which provider.options does not set", missing.Error, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_attached_up_attaches_to_the_dependent_only_and_its_output_shows_the_variable()
    {
        await using var stack = new StackFolder("provatt", """
            services:
              db:
                provider:
                  type: composerattach
              web:
                image: busybox:latest
                command: ["sh", "-c", "echo url=$$DB_URL"]
                depends_on:
                  db: {condition: service_healthy}
            """);
        var bin = Path.Combine(stack.Directory, "bin");
        WriteScript(Path.Combine(bin, "composerattach"), """
            #!/bin/sh
            if [ "$3" = up ]; then echo '{"type": "setenv", "message": "URL=redis://cloud"}'; fi
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        var (code, up) = await RunAsync(stack, environment, "up", "--no-color");

        Assert.True(code == 0, up.Error);
        Assert.Contains("Attaching to web", up.Error, StringComparison.Ordinal);
        Assert.Contains("web-1 | url=redis://cloud", up.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_depends_on_a_container_service_runs_once_that_container_is_healthy()
    {
        await using var stack = new StackFolder("provseed", """
            services:
              seed:
                image: busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 2s
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 1s
              db:
                provider:
                  type: composerseed
                depends_on:
                  seed: {condition: service_healthy}
              web:
                image: busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 2s
                depends_on: [db]
            """);
        var bin = Path.Combine(stack.Directory, "bin");
        WriteScript(Path.Combine(bin, "composerseed"), """
            #!/bin/sh
            if [ "$3" = up ]; then
              status=$(docker inspect -f '{{.State.Health.Status}}' "${2#--project-name=}-seed-1")
              echo "{\"type\": \"setenv\", \"message\": \"SEED=$status\"}"
            fi
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        var (upCode, up) = await RunAsync(stack, environment, "up", "-d");
        var env = await InspectAsync($"{stack.ProjectName}-web-1", "{{json .Config.Env}}");
        var (downCode, down) = await RunAsync(stack, environment, "down");

        Assert.True(upCode == 0 && downCode == 0, up.Error + down.Error);
        Assert.Contains("\"DB_SEED=healthy\"", env, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Ctrl_c_while_the_plugin_runs_ends_up_with_130_and_leaves_no_plugin_process()
    {
        await using var stack = ProviderStack("provint", "composerslow");
        var bin = Path.Combine(stack.Directory, "bin");
        var pids = Path.Combine(stack.Directory, "pids");
        WriteScript(Path.Combine(bin, "composerslow"), $$"""
            #!/bin/sh
            if [ "$3" = up ]; then
              sleep 300 &
              echo "$$ $!" > {{pids}}
              echo '{"type": "info", "message": "provisioning slowly"}'
              wait
            fi
            """);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

        using var up = CliProcess.Start(stack.Directory, environment, stack.Arguments("up", "-d"));
        await up.UntilErrorShowsAsync(" Service db  provisioning slowly", Limit);
        up.Interrupt();
        var exitCode = await up.WaitForExitAsync(Limit);

        Assert.Equal(130, exitCode);
        Assert.All(File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries), pid => Assert.False(IsAlive(pid), $"plugin process {pid} still runs"));
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    // A process that has ended may linger as a zombie until its parent (or init) reaps it: that one no longer runs.
    private static bool IsAlive(string pid)
    {
        var stat = $"/proc/{pid.Trim()}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_plugin_that_reports_an_error_or_exits_non_zero_fails_up_with_one_line_before_its_dependents_start()
    {
        await using var stack = ProviderStack("provbad", "composertestfail");
        var bin = Path.Combine(stack.Directory, "bin");
        WriteScript(Path.Combine(bin, "composertestfail"), """
            #!/bin/sh
            if [ -n "$FAIL_WITH_EXIT" ]; then echo "quota check crashed" >&2; exit 3; fi
            echo '{"type": "info", "message": "checking quota"}'
            printf '%s\n' '{"type": "error", "message": "quota exceeded\nask your admin"}'
            """);
        var path = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var errorLine = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = path };
        var exitCode = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = path, ["FAIL_WITH_EXIT"] = "1" };

        var (reportedCode, reported) = await RunAsync(stack, errorLine, "up", "-d");
        var (exitedCode, exited) = await RunAsync(stack, exitCode, "up", "-d");

        Assert.Equal(1, reportedCode);
        Assert.Contains("service \"db\": provider composertestfail: quota exceeded", reported.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ask your admin", reported.Error, StringComparison.Ordinal);
        Assert.Equal(1, exitedCode);
        Assert.Contains("service \"db\": provider composertestfail: up failed with exit code 3: quota check crashed", exited.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reported.Error + exited.Error, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_its_plugin_a_provider_service_is_refused_before_anything_is_created()
    {
        await using var stack = ProviderStack("provnone", "composer-test-absent");

        var (code, up) = await RunAsync(stack, new Dictionary<string, string>(StringComparer.Ordinal), "up", "-d");
        var (downCode, down) = await RunAsync(stack, new Dictionary<string, string>(StringComparer.Ordinal), "down");

        Assert.Equal(1, downCode);
        Assert.Contains("service \"db\": provider type \"composer-test-absent\" needs the docker-composer-test-absent plugin", down.Error, StringComparison.Ordinal);
        Assert.Equal(1, code);
        Assert.Contains("service \"db\": provider type \"composer-test-absent\" needs the docker-composer-test-absent plugin", up.Error, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    /// <summary>A provider service db of the given type, without options, and the dependent.</summary>
    private static StackFolder ProviderStack(string prefix, string type) => new(prefix, $"""
        services:
          db:
            provider:
              type: {type}
        {Dependent}
        """);

    private static async Task<(int ExitCode, CliProcess Process)> RunAsync(StackFolder stack, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var cli = CliProcess.Start(stack.Directory, environment, stack.Arguments(arguments));
        return (await cli.WaitForExitAsync(Limit), cli);
    }

    /// <summary>The plugin's recorded calls, without its metadata questions (asked before every call).</summary>
    private static string[] Calls(string file) => [.. File.ReadAllLines(file).Where(line => line != "compose metadata")];

    private static void WriteScript(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task<string> InspectAsync(string container, string format)
    {
        using var process = Process.Start(new ProcessStartInfo("docker", ["inspect", "-f", format, container])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
