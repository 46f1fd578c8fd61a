using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>
/// <c>composer watch</c> and <c>up --watch</c> on the real engine: edits on the host reach the running containers
/// (sync), deletions too, ignored files do not; a dependency edit rebuilds only its service; a compose file edit
/// recreates only the service it touches.
/// </summary>
public sealed class WatchTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    // httpd serves /www; the sync rule keeps it in step with ./www, .dockerignore and the rule's ignore leave files out.
    private const string Website = """
        services:
          web:
            build:
              context: .
              dockerfile_inline: |
                FROM busybox:latest
                RUN mkdir -p /www && echo first > /www/index.html
            command: ["httpd", "-f", "-p", "8080", "-h", "/www"]
            stop_signal: SIGKILL
            develop:
              watch:
                - path: ./www
                  action: sync
                  target: /www
                  ignore: ["*.tmp"]
                - path: ./hooks
                  action: sync+exec
                  target: /hooks
                  exec:
                    command: ["sh", "-c", "echo hook ran for $$WHO"]
                    environment: [WHO=web]
        """;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Sync_copies_edits_removes_deleted_files_leaves_ignored_ones_out_and_runs_the_exec_hook()
    {
        await using var stack = new StackFolder("wsync", Website);
        stack.WriteFile("www/index.html", "first\n");
        stack.WriteFile(".dockerignore", "**/*.secret\n");
        stack.WriteFile("hooks/reload.sh", "echo reload\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch"));
        await watch.UntilErrorShowsAsync("watching web", Limit);
        var container = $"{stack.ProjectName}-web-1";

        // Ignored files first: when the file after them has arrived, they would have too.
        stack.WriteFile("www/draft.tmp", "rule ignore\n");
        stack.WriteFile("www/key.secret", ".dockerignore\n");
        stack.WriteFile("www/.index.html.swp", "editor swap file\n");
        stack.WriteFile("www/.git/HEAD", "ref: refs/heads/main\n");
        stack.WriteFile("www/index.html", "edited on the host\n");
        stack.WriteFile("www/pages/new.html", "a new page\n");
        File.SetUnixFileMode(Path.Combine(stack.Directory, "www/pages/new.html"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await ContainerFiles.UntilAsync(stack.Engine, container, "/www/index.html", text => text == "edited on the host\n", Limit, "the edited file");
        await ContainerFiles.UntilAsync(stack.Engine, container, "/www/pages/new.html", text => text == "a new page\n", Limit, "the new file");
        using var timeout = new CancellationTokenSource(Limit);
        foreach (var ignored in new[] { "/www/draft.tmp", "/www/key.secret", "/www/.index.html.swp", "/www/.git" })
        {
            Assert.Null(await stack.Engine.Tools.StatPathAsync(container, ignored, timeout.Token));
        }

        Assert.Equal("700", await ExecAsync(stack, "web", "stat -c %a /www/pages/new.html"));

        File.Delete(Path.Combine(stack.Directory, "www/pages/new.html"));
        await ContainerFiles.UntilAsync(stack.Engine, container, "/www/pages/new.html", text => text is null, Limit, "the deleted file gone");

        stack.WriteFile("hooks/reload.sh", "echo reload again\n");
        await watch.UntilErrorShowsAsync("hook ran for web", Limit);
        Assert.Contains("web: ran `sh -c echo hook ran for $WHO`", watch.Error, StringComparison.Ordinal);
        Assert.Matches(@"web: synced \d+ files? \(", watch.Error);
        Assert.Contains("web: removed 1 deleted path", watch.Error, StringComparison.Ordinal);

        watch.Interrupt();
        Assert.Equal(130, await watch.WaitForExitAsync(Limit));
        Assert.Equal("running", Assert.Single(await stack.ContainersAsync(timeout.Token)).State);
    }

    [Fact]
    public async Task A_dependency_file_edit_rebuilds_and_recreates_only_that_service()
    {
        await using var stack = new StackFolder("wbuild", """
            services:
              api:
                build:
                  context: .
                  dockerfile_inline: |
                    FROM busybox:latest
                    COPY deps.txt /deps.txt
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                develop:
                  watch:
                    - path: ./deps.txt
                      action: rebuild
              cache:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """);
        stack.WriteFile("deps.txt", "one==1.0\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch"));
        await watch.UntilErrorShowsAsync("watching api", Limit);
        using var timeout = new CancellationTokenSource(Limit);
        var before = (await stack.ContainersAsync(timeout.Token)).ToDictionary(container => container.Name, container => container.Id);

        stack.WriteFile("deps.txt", "one==1.0\ntwo==2.0\n");

        var api = $"{stack.ProjectName}-api-1";
        await ContainerFiles.UntilAsync(stack.Engine, api, "/deps.txt", text => text is not null && text.Contains("two==2.0", StringComparison.Ordinal), Limit, "the rebuilt image's file");
        await watch.UntilErrorShowsAsync("api: rebuilt in", Limit);
        var after = (await stack.ContainersAsync(timeout.Token)).ToDictionary(container => container.Name, container => container.Id);
        Assert.NotEqual(before[api], after[api]);
        Assert.Equal(before[$"{stack.ProjectName}-cache-1"], after[$"{stack.ProjectName}-cache-1"]);
        Assert.Contains("recreated 1 container", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compose_file_edit_recreates_only_the_service_it_touches_and_a_broken_one_is_reported()
    {
        const string Stack = """
            services:
              web:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                environment:
                  GREETING: hello
                develop:
                  watch:
                    - path: ./src
                      action: restart
              worker:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """;
        await using var stack = new StackFolder("wconf", Stack);
        stack.WriteFile("src/app.txt", "app\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch"));
        await watch.UntilErrorShowsAsync("watching web", Limit);
        using var timeout = new CancellationTokenSource(Limit);
        var worker = (await stack.Engine.InspectContainerAsync($"{stack.ProjectName}-worker-1", timeout.Token))!;

        stack.Write(Stack.Replace("  GREETING: hello", "  GREETING: hello\n      COLOUR: [unclosed", StringComparison.Ordinal));
        await watch.UntilErrorShowsAsync("compose.yaml changed but does not load", Limit);

        stack.Write(Stack.Replace("  GREETING: hello", "  GREETING: hello\n      COLOUR: blue", StringComparison.Ordinal));
        await watch.UntilErrorShowsAsync("compose.yaml changed: reloaded, recreated web (1)", Limit);

        Assert.Equal("hello blue", await ExecAsync(stack, "web", "echo $GREETING $COLOUR"));
        Assert.Equal(worker.Id, (await stack.Engine.InspectContainerAsync($"{stack.ProjectName}-worker-1", timeout.Token))!.Id);

        // Watching goes on, with the rules of the reloaded file.
        stack.WriteFile("src/app.txt", "changed\n");
        await watch.UntilErrorShowsAsync("web: restarted 1 container", Limit);
    }

    [Fact]
    public async Task A_change_made_while_the_compose_file_reloads_is_synced_after_the_reload()
    {
        const string Stack = """
            services:
              web:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                develop:
                  watch:
                    - path: ./src
                      action: sync
                      target: /src
            """;

        // The edited file's post_start hook holds the reload (up waits for it) until the test lets it go.
        const string Held = """
                environment:
                  COLOUR: blue
                post_start:
                  - command: ["sh", "-c", "until [ -f /tmp/go ]; do sleep 0.1; done"]
                develop:
            """;
        await using var stack = new StackFolder("wreload", Stack);
        stack.WriteFile("src/before.txt", "before\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch"));
        await watch.UntilErrorShowsAsync("watching web", Limit);
        var container = $"{stack.ProjectName}-web-1";
        using var timeout = new CancellationTokenSource(Limit);
        var old = (await stack.Engine.InspectContainerAsync(container, timeout.Token))!.Id;

        stack.Write(Stack.Replace("    develop:", Held, StringComparison.Ordinal));
        await stack.UntilAsync(containers => containers.Any(summary => summary.Id != old && summary.State == "running"), Limit, "the recreated container running its post_start hook");
        stack.WriteFile("src/during.txt", "written while reloading\n");
        var (exitCode, release) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "-T", "web", "touch", "/tmp/go"));
        Assert.True(exitCode == 0, release.Error);

        await watch.UntilErrorShowsAsync("compose.yaml changed: reloaded, recreated web (1)", Limit);
        await ContainerFiles.UntilAsync(stack.Engine, container, "/src/during.txt", text => text == "written while reloading\n", Limit, "the file written during the reload");
        Assert.Equal("blue", await ExecAsync(stack, "web", "echo $COLOUR"));
    }

    [Fact]
    public async Task Initial_sync_sends_only_the_files_modified_since_the_image_was_created()
    {
        await using var stack = new StackFolder("winit", """
            services:
              web:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                develop:
                  watch:
                    - path: ./src
                      action: sync
                      target: /src
                      initial_sync: true
                      ignore: ["*.tmp"]
            """);
        stack.WriteFile("src/old.txt", "older than the image\n");
        File.SetLastWriteTimeUtc(Path.Combine(stack.Directory, "src/old.txt"), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        stack.WriteFile("src/new.txt", "newer than the image\n");
        stack.WriteFile("src/deep/new.txt", "deeper\n");
        stack.WriteFile("src/draft.tmp", "ignored\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch"));

        // The initial sync is done before watching is announced.
        await watch.UntilErrorShowsAsync("watching web", Limit);
        var container = $"{stack.ProjectName}-web-1";
        using var timeout = new CancellationTokenSource(Limit);
        Assert.Equal("newer than the image\n", await ContainerFiles.ReadAsync(stack.Engine, container, "/src/new.txt", timeout.Token));
        Assert.Equal("deeper\n", await ContainerFiles.ReadAsync(stack.Engine, container, "/src/deep/new.txt", timeout.Token));
        Assert.Null(await stack.Engine.Tools.StatPathAsync(container, "/src/old.txt", timeout.Token));
        Assert.Null(await stack.Engine.Tools.StatPathAsync(container, "/src/draft.tmp", timeout.Token));
        Assert.Contains("web: synced 2 files", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_watch_in_a_terminal_shows_logs_and_sync_lines_and_ctrl_c_stops_the_stack()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        await using var stack = new StackFolder("wtty", """
            services:
              web:
                image: busybox:latest
                command: ["sh", "-c", "mkdir -p /www && echo serving && exec httpd -f -p 8080 -h /www"]
                stop_signal: SIGKILL
                develop:
                  watch:
                    - path: ./www
                      action: sync
                      target: /www
            """);
        stack.WriteFile("www/index.html", "first\n");
        using var terminal = new TmuxTerminal(stack.Directory, $"{CliLocation.ShellCommand} -p {stack.ProjectName} up --watch");
        await terminal.UntilScreenShowsAsync("watching web", Limit);
        await terminal.UntilScreenShowsAsync("web-1 | serving", Limit);

        stack.WriteFile("www/index.html", "second\n");
        await terminal.UntilScreenShowsAsync("web: synced 1 file (7B)", Limit);
        await ContainerFiles.UntilAsync(stack.Engine, $"{stack.ProjectName}-web-1", "/www/index.html", text => text == "second\n", Limit, "the synced file");

        terminal.Interrupt();
        var screen = await terminal.UntilScreenShowsAsync("EXIT=", Limit);
        Assert.Contains("EXIT=130", screen, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(Limit);
        Assert.Equal("exited", Assert.Single(await stack.ContainersAsync(timeout.Token)).State);
    }

    /// <summary>What a shell command prints in the service's container (composer exec -T).</summary>
    internal static async Task<string> ExecAsync(StackFolder stack, string service, string command)
    {
        var (exitCode, process) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "-T", service, "sh", "-c", command));
        Assert.True(exitCode == 0, process.Error);
        return process.Output.Trim();
    }
}
