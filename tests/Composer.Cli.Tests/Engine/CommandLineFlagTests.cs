using System.Formats.Tar;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Composer.Cli.Tests.Engine;

/// <summary>The docker compose v2 flags and commands, against the real engine; one stack serves many commands.</summary>
[Collection(EngineCollection.Name)]
public sealed class CommandLineFlagTests
{
    private const string Stack = """
        services:
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            ports: ["127.0.0.1::8080"]
            volumes: ["data:/data"]
          worker:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            depends_on:
              web: {condition: service_started, restart: true}
        volumes:
          data: {}
        """;

    [Fact]
    public async Task Listing_commands_take_filters_templates_and_v2_json()
    {
        await using var project = new EngineProject(Stack);
        Assert.Equal(0, (await project.RunAsync("up", "-d", "--pull", "never", "--quiet-pull", "--quiet-build", "-V")).ExitCode);

        var json = await project.RunAsync("ps", "--format", "json", "web");
        var row = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(project.Name, row.GetProperty("Project").GetString());
        Assert.Equal(0, row.GetProperty("ExitCode").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC$", row.GetProperty("CreatedAt").GetString()!);
        var publisher = row.GetProperty("Publishers").EnumerateArray().Single();
        Assert.Equal(8080, publisher.GetProperty("TargetPort").GetInt32());
        Assert.True(publisher.GetProperty("PublishedPort").GetInt32() > 0);
        Assert.Equal("tcp", publisher.GetProperty("Protocol").GetString());
        Assert.Equal("127.0.0.1", publisher.GetProperty("URL").GetString());

        var table = await project.RunAsync("ps", "--format", "table {{.Name}}\\t{{.Service}}", "--filter", "status=running");
        Assert.Equal(["NAME", $"{project.Name}-web-1", $"{project.Name}-worker-1"], Column(table.Output));
        Assert.Equal(64, (await project.RunAsync("ps", "--no-trunc", "--format", "{{.ID}}", "web")).Output.Trim().Length);
        Assert.Equal(12, (await project.RunAsync("ps", "--format", "{{.ID}}", "web")).Output.Trim().Length);
        Assert.Equal(2, (await project.RunAsync("ps", "--orphans=false", "-q")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var images = await project.RunAsync("images", "--format", "{{.Repository}}:{{.Tag}}", "web");
        Assert.Equal("busybox:latest\n", images.Output);
        var ls = await project.RunAsync("ls", "--filter", "name=" + project.Name, "--format", "{{.Name}} {{.Status}}");
        Assert.Equal($"{project.Name} running(2)\n", ls.Output);
        var stats = await project.RunAsync("stats", "--no-stream", "-a", "--no-trunc", "--format", "{{.Name}} {{len .ID}}", "web");
        Assert.Equal($"{project.Name}-web-1 64\n", stats.Output);
        var volumes = await project.RunAsync("volumes", "--format", "{{.Driver}} {{.Name}}");
        Assert.Equal($"local {project.Name}_data\n", volumes.Output);
        Assert.Equal(string.Empty, (await project.RunAsync("volumes", "-q", "worker")).Output);

        var events = await project.RunAsync("events", "--since", "10m", "--until", "0s", "--json", "worker");
        Assert.Contains(events.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => JsonDocument.Parse(line).RootElement.GetProperty("action").GetString() == "start");
    }

    [Fact]
    public async Task Lifecycle_flags_restart_dependents_wait_and_remove_orphans()
    {
        await using var project = new EngineProject(Stack);
        await project.RunAsync("up", "-d");
        var worker = $"{project.Name}-worker-1";
        var started = await EngineInspect.FormatAsync(worker, "{{.State.StartedAt}}");

        Assert.Equal(0, (await project.RunAsync("restart", "--no-deps", "web")).ExitCode);
        Assert.Equal(started, await EngineInspect.FormatAsync(worker, "{{.State.StartedAt}}"));
        Assert.Equal(0, (await project.RunAsync("restart", "-t", "0", "web")).ExitCode);
        Assert.NotEqual(started, await EngineInspect.FormatAsync(worker, "{{.State.StartedAt}}"));

        var plan = await project.RunAsync("--dry-run", "up", "-d", "--always-recreate-deps", "worker");
        Assert.Contains($"StopContainer {project.Name}-web-1", plan.Output);
        Assert.DoesNotContain($"_{project.Name}-worker-1", plan.Output);

        Assert.Equal(0, (await project.RunAsync("stop", "-t", "0")).ExitCode);
        Assert.Equal(0, (await project.RunAsync("start", "--wait", "--wait-timeout", "30")).ExitCode);
        Assert.Equal("running", await EngineInspect.FormatAsync(worker, "{{.State.Status}}"));

        Assert.Equal(0, (await project.RunAsync("down", "worker")).ExitCode);
        Assert.Equal("running", await EngineInspect.FormatAsync($"{project.Name}-web-1", "{{.State.Status}}"));
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync(worker, "{{.State.Status}}"));

        // worker leaves the file: kill --remove-orphans kills web and removes the orphan.
        await project.RunAsync("up", "-d");
        File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"), Stack[..Stack.IndexOf("  worker:", StringComparison.Ordinal)] + "volumes:\n  data: {}\n");
        Assert.Equal(0, (await project.RunAsync("kill", "--remove-orphans")).ExitCode);
        Assert.Equal("exited", await EngineInspect.FormatAsync($"{project.Name}-web-1", "{{.State.Status}}"));
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync(worker, "{{.State.Status}}"));
    }

    [Fact]
    public async Task Start_wait_timeout_names_the_services_not_ready_and_their_state()
    {
        await using var project = new EngineProject("""
            services:
              sick:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                healthcheck: {test: ["CMD", "false"], interval: 1s, retries: 100}
            """);
        await project.RunAsync("create");

        var result = await project.RunAsync("start", "--wait", "--wait-timeout", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("services not ready within 2s: sick (running, health: starting)", result.Error);
    }

    [Fact]
    public async Task Run_flags_reach_the_one_off_container_and_dry_run_creates_nothing()
    {
        await using var project = new EngineProject(Stack);
        File.WriteAllText(Path.Combine(project.Directory, "run.env"), "FROMFILE=yes\n");

        var dryRun = await project.RunAsync("--dry-run", "run", "--rm", "worker", "true");
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains($"CreateContainer {project.Name}-web-1", dryRun.Output);
        Assert.Contains("(one-off of worker)", dryRun.Output);
        Assert.Equal(string.Empty, (await project.RunAsync("ps", "-a", "-q")).Output);
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync($"{project.Name}_default", "{{.Name}}"));

        var printed = await project.RunAsync("run", "--rm", "--no-deps", "-q", "--no-tty", "--env-from-file", "run.env", "web", "sh", "-c", "test \"$FROMFILE\" = yes");
        Assert.Equal(0, printed.ExitCode);

        var name = project.Name + "-oneoff";
        var detached = await project.RunAsync("run", "-d", "--no-deps", "--name", name, "--cap-add", "NET_ADMIN", "--cap-drop", "CHOWN",
            "-l", "team=blue", "-P", "--use-aliases", "--remove-orphans", "web", "sleep", "60");
        Assert.Equal(0, detached.ExitCode);
        Assert.Equal("[NET_ADMIN]", await EngineInspect.FormatAsync(name, "{{.HostConfig.CapAdd}}"));
        Assert.Equal("[CHOWN]", await EngineInspect.FormatAsync(name, "{{.HostConfig.CapDrop}}"));
        Assert.Equal("blue", await EngineInspect.FormatAsync(name, "{{index .Config.Labels \"team\"}}"));
        Assert.Matches(@"^\d+$", await EngineInspect.FormatAsync(name, "{{(index (index .NetworkSettings.Ports \"8080/tcp\") 0).HostPort}}"));
        Assert.Contains("web", await EngineInspect.FormatAsync(name, $"{{{{json (index .NetworkSettings.Networks \"{project.Name}_default\").Aliases}}}}"));
    }

    [Fact]
    public async Task Dry_run_of_image_and_container_verbs_changes_nothing_and_export_commit_work()
    {
        await using var project = new EngineProject(Stack.Replace("volumes:\n  data: {}", """
              built:
                build: {context: ., dockerfile_inline: "FROM busybox:latest"}
                image: clitest-never-built:1
                profiles: [build]
            volumes:
              data: {}
            """, StringComparison.Ordinal));
        await project.RunAsync("up", "-d");
        var web = $"{project.Name}-web-1";

        var build = await project.RunAsync("--dry-run", "--profile", "build", "build", "built");
        var pull = await project.RunAsync("--dry-run", "pull", "--include-deps", "--policy", "always", "worker");
        var push = await project.RunAsync("--dry-run", "--profile", "build", "push", "-q", "--include-deps", "built");
        var exec = await project.RunAsync("--dry-run", "exec", "web", "touch", "/tmp/marker");
        var copy = await project.RunAsync("--dry-run", "cp", "web:/etc/hostname", Path.Combine(project.Directory, "hostname"));
        var attach = await project.RunAsync("--dry-run", "attach", "web");
        var wait = await project.RunAsync("--dry-run", "wait", "--down-project", "web");

        Assert.Equal("BuildImage clitest-never-built:1 for built\n", build.Output);
        Assert.Equal("PullImage busybox:latest for web\n", pull.Output);
        Assert.Equal("PushImage clitest-never-built:1 for built\n", push.Output);
        Assert.Equal($"Exec {web}: touch /tmp/marker\n", exec.Output);
        Assert.StartsWith("Copy web:/etc/hostname to ", copy.Output, StringComparison.Ordinal);
        Assert.Equal($"Attach {web}\n", attach.Output);
        Assert.Contains($"RemoveContainer {web}", wait.Output);
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync("clitest-never-built:1", "{{.Id}}"));
        Assert.False(File.Exists(Path.Combine(project.Directory, "hostname")));
        Assert.Equal(1, (await project.RunAsync("exec", "web", "test", "-e", "/tmp/marker")).ExitCode);
        Assert.Equal("running", await EngineInspect.FormatAsync(web, "{{.State.Status}}"));

        var archive = Path.Combine(project.Directory, "web.tar");
        Assert.Equal(0, (await project.RunAsync("export", "web", "-o", archive)).ExitCode);
        await using (var tar = new TarReader(File.OpenRead(archive)))
        {
            var names = new List<string>();
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                names.Add(entry.Name);
            }

            Assert.Contains(names, entry => entry.TrimEnd('/') == "bin/busybox" || entry.TrimEnd('/') == "bin");
        }

        var image = project.Name + "-committed:1";
        try
        {
            var commit = await project.RunAsync("commit", "-m", "snapshot", "-c", "ENV COMMITTED=1", "web", image);
            Assert.Equal(0, commit.ExitCode);
            Assert.StartsWith("sha256:", commit.Output, StringComparison.Ordinal);
            Assert.Equal("snapshot", await EngineInspect.FormatAsync(image, "{{.Comment}}"));
            Assert.Contains("COMMITTED=1", await EngineInspect.FormatAsync(image, "{{.Config.Env}}"));
        }
        finally
        {
            await EngineInspect.RemoveImageAsync(image);
        }
    }

    [Fact]
    public async Task Attached_up_aborts_on_a_failure_shows_dependencies_and_reports_every_missing_image()
    {
        await using var project = new EngineProject("""
            services:
              dep:
                image: busybox:latest
                command: ["sh", "-c", "echo from-dep; sleep 3600"]
                stop_signal: SIGKILL
              app:
                image: busybox:latest
                command: ["sh", "-c", "sleep 1; exit 3"]
                depends_on: [dep]
            """);

        var result = await project.RunAsync("up", "--attach-dependencies", "--abort-on-container-failure", "app");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("from-dep", result.Output);
        Assert.Contains("Aborting on container failure", result.Error);

        await using var missing = new EngineProject("""
            services:
              one: {image: "clitest-missing-one:1", pull_policy: never}
              two: {image: "clitest-missing-two:1", pull_policy: never}
            """);
        var failed = await missing.RunAsync("up", "-d");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("service \"one\": image clitest-missing-one:1 not found locally", failed.Error);
        Assert.Contains("service \"two\": image clitest-missing-two:1 not found locally", failed.Error);
    }

    private static string[] Column(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])];
}
