using System.Text.RegularExpressions;
using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>
/// The flags and the less travelled paths of <c>watch</c> and <c>up --watch</c> on the real engine, grouped so that each
/// test brings one stack up once: what is refused before anything starts; <c>watch SERVICE</c> with replicas, the
/// bind-mount warning and a sync+exec rule's user, folder, privileges and environment; <c>--quiet --prune</c> with a
/// failed and a good rebuild and env-file edits; <c>up -w --no-build --scale</c> with a reload that adds a rebuild rule.
/// </summary>
public sealed class WatchFlagsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Watches_that_cannot_work_are_refused_in_one_line_before_anything_starts()
    {
        await using var stack = new StackFolder("wrefuse", """
            services:
              api:
                build:
                  context: .
                  dockerfile_inline: FROM busybox:latest
                command: ["sleep", "3600"]
                develop:
                  watch:
                    - path: ./deps.txt
                      action: rebuild
              plain:
                image: busybox:latest
                command: ["sleep", "3600"]
            """);
        stack.WriteFile("deps.txt", "one\n");

        await RefusedAsync(stack, 1, "error: none of the selected services has develop.watch rules", "watch", "plain");
        await RefusedAsync(stack, 1, "error: --no-build cannot be combined with the rebuild rule of service \"api\"", "up", "--watch", "--no-build");

        // docker compose (since 2.28) has watching go with the attached output only, in these words.
        await RefusedAsync(stack, 2, "error: --detach cannot be combined with --watch", "up", "-d", "--watch");
        await RefusedAsync(stack, 2, "error: --wait cannot be combined with --watch", "up", "--wait", "-w");
        await RefusedAsync(stack, 2, "error: --watch cannot be combined with --dry-run or --no-start", "up", "--watch", "--dry-run");
        await RefusedAsync(stack, 2, "error: --watch cannot be combined with --dry-run or --no-start", "up", "--watch", "--no-start");

        using var timeout = new CancellationTokenSource(Limit);
        Assert.Empty(await stack.ContainersAsync(timeout.Token));
    }

    [Fact]
    public async Task Watch_of_one_service_syncs_into_every_replica_and_runs_the_exec_as_its_user_folder_privileges_and_environment()
    {
        await using var stack = new StackFolder("wreplica", """
            services:
              web:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                scale: 2
                depends_on: [other]
                volumes: ["./shared:/shared"]
                develop:
                  watch:
                    - path: ./src
                      action: sync+exec
                      target: /src
                      exec:
                        command: ["sh", "-c", "echo exec: $$(id -u) $$(pwd) $$FOO"]
                        user: "1234"
                        working_dir: /tmp
                        environment: [FOO]
                    # Privileges in a rule of their own: a privileged exec as a user other than root gets no
                    # capabilities to show.
                    - path: ./admin
                      action: sync+exec
                      target: /admin
                      exec:
                        command: ["sh", "-c", "echo admin: $$(grep CapBnd /proc/self/status)"]
                        privileged: true
                    - path: ./shared
                      action: sync
                      target: /shared
              other:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                develop:
                  watch:
                    - path: ./other
                      action: sync
                      target: /other
            """);
        stack.WriteFile(".env", "FOO=from-dotenv\n");
        stack.WriteFile("src/keep.txt", "kept\n");
        stack.WriteFile("admin/keep.txt", "kept\n");
        stack.WriteFile("shared/note.txt", "bind-mounted\n");
        stack.WriteFile("other/keep.txt", "kept\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch", "web"));
        await watch.UntilErrorShowsAsync("watching web; Ctrl-C stops watching", Limit);
        Assert.Contains($"web: {Path.Combine(stack.Directory, "shared")} is also bind-mounted from", watch.Error, StringComparison.Ordinal);

        // other was started as web's dependency but is not watched: its edit goes nowhere.
        stack.WriteFile("other/new.txt", "not watched\n");
        stack.WriteFile("src/app.txt", "both replicas\n");
        stack.WriteFile("admin/app.txt", "both replicas\n");
        var replicas = new[] { $"{stack.ProjectName}-web-1", $"{stack.ProjectName}-web-2" };
        foreach (var replica in replicas)
        {
            await ContainerFiles.UntilAsync(stack.Engine, replica, "/src/app.txt", text => text == "both replicas\n", Limit, $"the synced file in {replica}");
            await watch.UntilErrorShowsAsync($"{replica} | exec: 1234 /tmp from-dotenv", Limit);
            await UntilAsync(() => Task.FromResult(Privileged(watch.Error, replica) is not null), $"the privileged exec in {replica}");
        }

        // The two files are one batch or two, as the kernel's events fall.
        Assert.Matches(@"web: synced (2 files \(28B\)|1 file \(14B\)) in 2 containers", watch.Error);
        using var timeout = new CancellationTokenSource(Limit);
        Assert.Null(await stack.Engine.Tools.StatPathAsync($"{stack.ProjectName}-other-1", "/other/new.txt", timeout.Token));

        // privileged: the exec asks for every capability. Where the engine has them all, its bounding set is wider than
        // a plain exec's in the same container; where the engine itself lacks one (this sandbox's dockerd has no
        // CAP_SYS_RESOURCE), runc refuses exactly such a request, and only such a request: the plain exec runs.
        var (exitCode, plain) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "-T", "web", "grep", "CapBnd", "/proc/self/status"));
        Assert.True(exitCode == 0, plain.Error);
        var unprivileged = Capabilities(Regex.Match(plain.Output, @"CapBnd:\s*([0-9a-f]+)").Groups[1].Value);
        foreach (var replica in replicas)
        {
            var privileged = Privileged(watch.Error, replica)!;
            if (privileged.StartsWith("admin: ", StringComparison.Ordinal))
            {
                var capabilities = Capabilities(Regex.Match(privileged, @"CapBnd: ([0-9a-f]+)").Groups[1].Value);
                Assert.True(capabilities != unprivileged && (capabilities & unprivileged) == unprivileged, $"privileged {capabilities:x}, plain {unprivileged:x}");
            }
            else
            {
                Assert.Contains("unable to apply caps", privileged, StringComparison.Ordinal);
            }
        }

        watch.Interrupt();
        Assert.Equal(130, await watch.WaitForExitAsync(Limit));
    }

    [Fact]
    public async Task Quiet_prune_watch_reports_a_failed_build_rebuilds_on_the_next_good_edit_and_reloads_env_file_edits()
    {
        await using var stack = new StackFolder("wquiet", """
            services:
              api:
                build: .
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                env_file: [api.env]
                develop:
                  watch:
                    - path: ./Dockerfile
                      action: rebuild
              cache:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                environment:
                  COLOUR: ${COLOUR}
            """);
        stack.WriteFile("Dockerfile", "FROM busybox:latest\nRUN echo one > /version\n");
        stack.WriteFile("api.env", "GREETING=hi\n");
        stack.WriteFile(".env", "COLOUR=red\n");
        using var watch = CliProcess.Start(stack.Directory, stack.Arguments("watch", "--quiet", "--prune"));
        await watch.UntilErrorShowsAsync("watching api", Limit);

        // --quiet hides the build output of the up before watching, not that watching started.
        Assert.DoesNotContain("Built", watch.Error, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(Limit);
        var api = $"{stack.ProjectName}-api-1";
        var cache = $"{stack.ProjectName}-cache-1";
        var first = (await stack.Engine.InspectContainerAsync(api, timeout.Token))!;
        var firstImage = (await stack.Engine.Images.InspectAsync($"{stack.ProjectName}-api", timeout.Token))!.Id;
        var cacheBefore = (await stack.Engine.InspectContainerAsync(cache, timeout.Token))!.Id;

        // A broken Dockerfile: the failure is shown (--quiet hides actions, not failures) and watching goes on.
        stack.WriteFile("Dockerfile", "FROM busybox:latest\nRUN exit 3\n");
        await watch.UntilErrorShowsAsync("api: rebuild failed:", Limit);
        Assert.Equal(first.Id, (await stack.Engine.InspectContainerAsync(api, timeout.Token))!.Id);

        stack.WriteFile("Dockerfile", "FROM busybox:latest\nRUN echo two > /version\n");
        await ContainerFiles.UntilAsync(stack.Engine, api, "/version", text => text == "two\n", Limit, "the rebuilt image's file");
        await UntilAsync(async () => await stack.Engine.Images.InspectAsync(firstImage, timeout.Token) is null, "the replaced image pruned");
        Assert.DoesNotContain("rebuilt in", watch.Error, StringComparison.Ordinal);

        // An env_file edit recreates the service that reads it; a .env edit the service whose value changes.
        var rebuilt = (await stack.Engine.InspectContainerAsync(api, timeout.Token))!.Id;
        stack.WriteFile("api.env", "GREETING=hello\n");
        await UntilAsync(async () => (await stack.Engine.InspectContainerAsync(api, timeout.Token))?.Id is { } id && id != rebuilt, "api recreated");
        Assert.Equal("hello", await WatchTests.ExecAsync(stack, "api", "echo $GREETING"));
        Assert.Equal(cacheBefore, (await stack.Engine.InspectContainerAsync(cache, timeout.Token))!.Id);

        var apiNow = (await stack.Engine.InspectContainerAsync(api, timeout.Token))!.Id;
        stack.WriteFile(".env", "COLOUR=blue\n");
        await UntilAsync(async () => (await stack.Engine.InspectContainerAsync(cache, timeout.Token))?.Id is { } id && id != cacheBefore, "cache recreated");
        Assert.Equal("blue", await WatchTests.ExecAsync(stack, "cache", "echo $COLOUR"));
        Assert.Equal(apiNow, (await stack.Engine.InspectContainerAsync(api, timeout.Token))!.Id);
        Assert.DoesNotContain("reloaded", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_w_no_build_reloads_on_included_and_extended_files_keeping_the_options_and_refuses_an_added_rebuild_rule_in_one_line()
    {
        // web comes from base.yaml through extends, api from lib.yaml through include: editing either reloads.
        const string Base = """
            services:
              base:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """;
        const string Library = """
            services:
              api:
                build: .
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """;
        await using var stack = new StackFolder("wnobuild", """
            include: [lib.yaml]
            services:
              web:
                extends:
                  file: base.yaml
                  service: base
                develop:
                  watch:
                    - path: ./www
                      action: sync
                      target: /www
            """);
        stack.WriteFile("base.yaml", Base);
        stack.WriteFile("lib.yaml", Library);
        stack.WriteFile("Dockerfile", "FROM busybox:latest\n");
        stack.WriteFile("www/index.html", "first\n");
        using var timeout = new CancellationTokenSource(Limit);

        // --no-build: api's image is there already (a tag of busybox, removed with the stack), never built.
        await stack.Engine.Images.TagAsync("busybox:latest", $"{stack.ProjectName}-api:latest", timeout.Token);
        using var up = CliProcess.Start(stack.Directory, stack.Arguments("up", "-w", "--no-build", "--scale", "web=2"));
        await up.UntilErrorShowsAsync("watching web", Limit);

        // The extended file's edit recreates both replicas: the reload keeps --scale web=2.
        stack.WriteFile("base.yaml", Base + "\n    environment:\n      COLOUR: blue\n");
        await up.UntilErrorShowsAsync("base.yaml changed: reloaded, recreated web (2)", Limit);
        var web = (await stack.ContainersAsync(timeout.Token)).Where(container => container.Name.Contains("-web-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, web.Count(container => container.State == "running"));
        Assert.Equal("blue", await WatchTests.ExecAsync(stack, "web", "echo $COLOUR"));

        // The included file's edit adds a rebuild rule, which --no-build cannot follow: one error line, no rebuild.
        stack.WriteFile("lib.yaml", Library + "\n    develop:\n      watch:\n        - path: ./Dockerfile\n          action: rebuild\n");
        await up.UntilErrorShowsAsync("error: --no-build cannot be combined with the rebuild rule of service \"api\": it is not watched", Limit);
        Assert.Contains("lib.yaml changed: reloaded, no container to change", up.Error, StringComparison.Ordinal);

        // Watching went on: a sync reaches both replicas; the Dockerfile edit rebuilds nothing.
        stack.WriteFile("Dockerfile", "FROM busybox:latest\nRUN false\n");
        stack.WriteFile("www/index.html", "second\n");
        await up.UntilErrorShowsAsync("web: synced 1 file (7B) in 2 containers", Limit);
        Assert.DoesNotContain("api: rebuil", up.Error, StringComparison.Ordinal);

        up.Interrupt();
        Assert.Equal(130, await up.WaitForExitAsync(Limit));
    }

    private static async Task RefusedAsync(StackFolder stack, int exitCode, string line, params string[] arguments)
    {
        var (code, process) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments(arguments));
        Assert.True(code == exitCode, $"exit {code}: {process.Error}");
        var lines = process.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(line, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1), other => other.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", process.Error, StringComparison.Ordinal);
    }

    private static ulong Capabilities(string hex) => Convert.ToUInt64(hex, 16);

    /// <summary>What the privileged exec printed in one replica: its bounding set, or the engine's refusal to apply it.</summary>
    private static string? Privileged(string error, string replica) =>
        Regex.Match(error, $@"{Regex.Escape(replica)} \| ((admin: CapBnd: [0-9a-f]+)|(.*unable to apply caps.*))") is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Checks again and again (no fixed sleep) until the condition holds or the limit passes.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what}: not seen within {Limit}");
            }
        }
    }
}
