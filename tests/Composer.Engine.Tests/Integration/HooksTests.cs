using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

/// <summary>post_start, pre_stop and pre_start against the engine: what they did is read back from the containers.</summary>
[Collection(EngineCollection.Name)]
public sealed class HooksTests(EngineFixture fixture) : IDisposable
{
    private readonly string hostFolder = Directory.CreateTempSubdirectory("composer-hooks-").FullName;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    private static ServiceHook Hook(params string[] command) => new() { Command = command };

    [Fact]
    public async Task Post_start_runs_in_the_container_with_its_user_workdir_and_environment_and_its_output_shows()
    {
        await using var scope = new ProjectScope(fixture, "hps");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            PostStart =
            [
                new ServiceHook
                {
                    Command = ["sh", "-c", "echo \"$GREETING from $(id -u) in $(pwd)\" | tee /tmp/started"],
                    User = "65534",
                    WorkingDir = "/tmp",
                    Environment = TestServices.Map<string?>(("GREETING", "hello")),
                },
            ],
        });

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        Assert.Equal((0L, "hello from 65534 in /tmp\n"), await ContainerExec.RunAsync(fixture, $"{scope.Name}-app-1", "cat", "/tmp/started"));
        Assert.Contains($"{scope.Name}-app-1 -> post_start | hello from 65534 in /tmp", scope.Sink.HookLines);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task A_failing_post_start_fails_up_naming_the_service_with_the_hook_output()
    {
        await using var scope = new ProjectScope(fixture, "hpf");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            PostStart = [Hook("sh", "-c", "echo migrating; echo 'no database' >&2; exit 3")],
        });

        var failure = await Assert.ThrowsAsync<PlanExecutionException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        var line = Assert.Single(failure.Failures);
        Assert.StartsWith("service \"app\": post_start hook [sh -c echo migrating; echo 'no database' >&2; exit 3] exited with status 3: ", line, StringComparison.Ordinal);
        Assert.Contains("no database", line, StringComparison.Ordinal);
        Assert.Contains(scope.Sink.HookLines, text => text.EndsWith("post_start | migrating", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pre_stop_runs_before_scale_down_recreate_and_down()
    {
        await using var scope = new ProjectScope(fixture, "hst");
        var log = Path.Combine(hostFolder, "stops.log");
        var app = TestServices.Sleeper("app") with
        {
            Volumes = [new ServiceVolume { Type = "bind", Source = hostFolder, Target = "/out" }],
            PreStop = [Hook("sh", "-c", "echo \"$(hostname) stopping\" >> /out/stops.log; echo bye")],
        };
        var project = TestServices.Project(scope.Name, app);

        await scope.Up.UpAsync(project, new UpOptions { Scale = new Dictionary<string, int> { ["app"] = 2 } }, Timeout);
        await scope.Up.UpAsync(project, new UpOptions { Scale = new Dictionary<string, int> { ["app"] = 1 } }, Timeout);
        Assert.Single(await File.ReadAllLinesAsync(log, Timeout));

        var changed = project.With(app with { Environment = TestServices.Map<string?>(("VERSION", "2")) });
        await scope.Up.UpAsync(changed, new UpOptions(), Timeout);
        Assert.Equal(2, (await File.ReadAllLinesAsync(log, Timeout)).Length);

        await scope.Down.DownAsync(changed, new DownOptions(), Timeout);
        Assert.Equal(3, (await File.ReadAllLinesAsync(log, Timeout)).Length);
        Assert.Contains(scope.Sink.HookLines, text => text.EndsWith("pre_stop | bye", StringComparison.Ordinal));
    }

    /// <summary>
    /// privileged: true reaches the engine on the hook's exec (exec inspect says so). Where the runtime can grant every
    /// capability the hook does what needs one (CAP_NET_ADMIN); on a machine whose runtime cannot (this one: runc
    /// answers "unable to apply caps", for docker exec --privileged and docker run --privileged alike), up fails with
    /// the hook's one line giving the runtime's reason.
    /// </summary>
    [Fact]
    public async Task A_privileged_hook_is_executed_privileged()
    {
        await using var scope = new ProjectScope(fixture, "hpv");

        // Changing lo's MTU needs CAP_NET_ADMIN, which a container does not have by default.
        var hook = new ServiceHook { Command = ["sh", "-c", "ip link set lo mtu 1400 && echo mtu set"], Privileged = true };
        var app = TestServices.Sleeper("app") with { PostStart = [hook] };
        var container = $"{scope.Name}-app-1";
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;

        var failure = await Record.ExceptionAsync(() => scope.Up.UpAsync(TestServices.Project(scope.Name, app), new UpOptions(), Timeout));

        Assert.True((await fixture.Docker.Exec.InspectContainerExecAsync(await HookExecIdAsync(container, since), Timeout)).ProcessConfig.Privileged);
        if (failure is null)
        {
            Assert.Equal((0L, "1400\n"), await ContainerExec.RunAsync(fixture, container, "cat", "/sys/class/net/lo/mtu"));
            Assert.Contains($"{container} -> post_start | mtu set", scope.Sink.HookLines);
        }
        else
        {
            var line = Assert.Single(Assert.IsType<PlanExecutionException>(failure).Failures);
            Assert.StartsWith("service \"app\": post_start hook [sh -c ip link set lo mtu 1400 && echo mtu set] exited with status 126: ", line, StringComparison.Ordinal);
            Assert.Contains("unable to apply caps", line, StringComparison.Ordinal);
        }

        // Without privilege the kernel refuses the change, and up says so.
        since = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        var refused = await Assert.ThrowsAsync<PlanExecutionException>(() => scope.Up.UpAsync(
            TestServices.Project(scope.Name, app with { PostStart = [hook with { Privileged = false }], Environment = TestServices.Map<string?>(("V", "2")) }),
            new UpOptions(), Timeout));
        Assert.Contains("ip: SIOCSIFMTU: Operation not permitted", Assert.Single(refused.Failures), StringComparison.Ordinal);
        Assert.False((await fixture.Docker.Exec.InspectContainerExecAsync(await HookExecIdAsync(container, since), Timeout)).ProcessConfig.Privileged);
    }

    // The id of the hook's exec, from the engine's exec_create event (an ended exec is no longer listed on its container).
    private async Task<string> HookExecIdAsync(string container, long since)
    {
        var execs = new EventsSeen();
        await fixture.Docker.System.MonitorEventsAsync(new ContainerEventsParameters
        {
            Since = since.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Until = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["event"] = new Dictionary<string, bool> { ["exec_create"] = true },
            },
        }, execs, Timeout);
        return execs.Messages.Last(message => message.Actor.Attributes.TryGetValue("name", out var name) && name == container && message.Action.Contains("ip link", StringComparison.Ordinal))
            .Actor.Attributes["execID"];
    }

    private sealed class EventsSeen : IProgress<Message>
    {
        public System.Collections.Concurrent.ConcurrentQueue<Message> Messages { get; } = new();

        public void Report(Message value) => Messages.Enqueue(value);
    }

    [Fact]
    public async Task Pre_start_runs_once_in_a_one_off_container_sharing_the_volumes_before_the_service_starts()
    {
        await using var scope = new ProjectScope(fixture, "hpr");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Command = ["sh", "-c", "cp /shared/init /tmp/seen-at-start; trap 'exit 0' TERM; sleep 3600 & wait"],
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/shared" }],
            PreStart = [Hook("sh", "-c", "echo ran >> /shared/init; echo initialised")],
        }) with
        {
            Volumes = TestServices.Map(("data", new Composer.Model.Volume { Name = scope.Name + "_data" })),
        };

        await scope.Up.UpAsync(project, new UpOptions { Scale = new Dictionary<string, int> { ["app"] = 2 } }, Timeout);
        await scope.Up.UpAsync(project, new UpOptions { Scale = new Dictionary<string, int> { ["app"] = 3 } }, Timeout);

        Assert.Equal((0L, "ran\n"), await ContainerExec.RunAsync(fixture, $"{scope.Name}-app-1", "cat", "/tmp/seen-at-start"));
        Assert.Equal((0L, "ran\n"), await ContainerExec.RunAsync(fixture, $"{scope.Name}-app-3", "cat", "/shared/init"));
        Assert.Contains("app -> pre_start[0] | initialised", scope.Sink.HookLines);
        Assert.Empty(await HookContainersAsync(scope.Name));
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task A_failing_pre_start_keeps_the_service_from_starting_and_keeps_its_container_for_inspection()
    {
        await using var scope = new ProjectScope(fixture, "hpx");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            PreStart = [Hook("sh", "-c", "echo 'schema missing' >&2; exit 17")],
        });

        var failure = await Assert.ThrowsAsync<PlanExecutionException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        var line = Assert.Single(failure.Failures);
        Assert.StartsWith("service \"app\": pre_start[0] [sh -c echo 'schema missing' >&2; exit 17] exited with status 17: schema missing (hook container ", line, StringComparison.Ordinal);
        var inspected = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-app-1", Timeout);
        Assert.False(inspected.State.Running);
        Assert.Single(await HookContainersAsync(scope.Name));
    }

    private async Task<IList<ContainerListResponse>> HookContainersAsync(string project) =>
        await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={project}"] = true, [$"{ComposeLabels.Hook}=pre_start"] = true },
            },
        }, Timeout);

    public void Dispose() => Directory.Delete(hostFolder, recursive: true);
}
