using System.Net;
using System.Net.Sockets;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;
using Volume = Composer.Model.Volume;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class UpDownTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Up_creates_named_labelled_containers_on_the_project_network_and_down_removes_them()
    {
        await using var scope = new ProjectScope(fixture, "names");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app"));

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var inspected = (await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-app-1", Timeout))!;
        Assert.True(inspected.State.Running);
        Assert.Equal(scope.Name, inspected.Config.Labels[ComposeLabels.Project]);
        Assert.Equal("app", inspected.Config.Labels[ComposeLabels.Service]);
        Assert.Equal("1", inspected.Config.Labels[ComposeLabels.ContainerNumber]);
        Assert.Equal("False", inspected.Config.Labels[ComposeLabels.OneOff]);
        Assert.Matches("^[0-9a-f]{64}$", inspected.Config.Labels[ComposeLabels.ConfigHash]);
        Assert.Equal($"/tmp/{scope.Name}", inspected.Config.Labels[ComposeLabels.WorkingDir]);
        Assert.Contains("app", inspected.NetworkSettings.Networks[$"{scope.Name}_default"].Aliases);

        await scope.Down.DownAsync(project, new DownOptions(), Timeout);

        var left = await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ProjectFilter(scope.Name) }, Timeout);
        Assert.Empty(left);
        var networks = await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(scope.Name) }, Timeout);
        Assert.Empty(networks);
    }

    [Fact]
    public async Task Services_reach_each_other_by_service_name_and_alias()
    {
        await using var scope = new ProjectScope(fixture, "dns");
        var web = TestServices.WebServer("web", "hello") with
        {
            Networks = TestServices.Map<ServiceNetwork?>(("default", new ServiceNetwork { Aliases = ["frontdoor"] })),
        };
        var project = TestServices.Project(scope.Name, web);

        await scope.Up.UpAsync(project, new UpOptions { Wait = true, WaitTimeout = TimeSpan.FromSeconds(60) }, Timeout);

        var network = $"{scope.Name}_default";
        await Conditions.EventuallyAsync<object>(
            async () => await Probe.RunAsync(fixture, network, null, "wget", "-q", "-O", "/dev/null", "http://web/") == 0 ? new object() : null,
            TimeSpan.FromSeconds(30), "web answering by service name");
        Assert.Equal(0, await Probe.RunAsync(fixture, network, null, "wget", "-q", "-O", "/dev/null", "http://frontdoor/"));
        Assert.Equal(0, await Probe.RunAsync(fixture, network, null, "sh", "-c", "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 web 80 | grep -q hello"));
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Published_port_on_localhost_answers()
    {
        await using var scope = new ProjectScope(fixture, "port");
        var hostPort = FreePort();
        var project = TestServices.Project(scope.Name, TestServices.WebServer("web", "published") with
        {
            Ports = [new ServicePort { Target = 80, Published = hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture), HostIp = "127.0.0.1" }],
        });

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var body = await Conditions.EventuallyAsync(
            async () => await http.GetStringAsync($"http://127.0.0.1:{hostPort}/"), TimeSpan.FromSeconds(30), "httpd answering");
        Assert.Equal("published", body.Trim());
        var rows = await new PsService(fixture.Context(scope.Sink)).ListAsync(scope.Name, new PsOptions(), Timeout);
        Assert.Equal($"127.0.0.1:{hostPort}->80/tcp", Assert.Single(rows).Ports);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Port_already_in_use_is_reported_in_one_line()
    {
        await using var scope = new ProjectScope(fixture, "busy");
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var hostPort = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Ports = [new ServicePort { Target = 80, Published = hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture), HostIp = "127.0.0.1" }],
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Equal($"port 127.0.0.1:{hostPort} is already in use", error.Message);
    }

    [Fact]
    public async Task Named_volume_data_survives_down_and_up_but_not_down_with_volumes()
    {
        await using var scope = new ProjectScope(fixture, "vol");
        var volumeName = scope.Name + "_data";
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Command = ["sh", "-c", "[ -f /data/marker ] || echo first > /data/marker; trap 'exit 0' TERM; sleep 3600 & wait"],
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }],
        }) with
        {
            Volumes = TestServices.Map(("data", new Volume { Name = volumeName })),
        };

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        Assert.Equal(0, await Probe.RunAsync(fixture, null, [$"{volumeName}:/data"], "grep", "-q", "first", "/data/marker"));
        var volume = await fixture.Docker.Volumes.InspectAsync(volumeName, Timeout);
        Assert.Equal(scope.Name, volume.Labels[ComposeLabels.Project]);

        await scope.Down.DownAsync(project, new DownOptions { Volumes = true }, Timeout);

        var remaining = await fixture.Docker.Volumes.ListAsync(new VolumesListParameters { Filters = ProjectFilter(scope.Name) }, Timeout);
        Assert.Empty(remaining.Volumes ?? []);
    }

    [Fact]
    public async Task Down_leaves_other_projects_untouched()
    {
        await using var mine = new ProjectScope(fixture, "mine");
        await using var theirs = new ProjectScope(fixture, "theirs");
        var myProject = TestServices.Project(mine.Name, TestServices.Sleeper("app"));
        var theirProject = TestServices.Project(theirs.Name, TestServices.Sleeper("app"));
        await mine.Up.UpAsync(myProject, new UpOptions(), Timeout);
        await theirs.Up.UpAsync(theirProject, new UpOptions(), Timeout);

        await mine.Down.DownAsync(myProject, new DownOptions { RemoveOrphans = true, Volumes = true }, Timeout);

        var theirContainer = (await fixture.Docker.Containers.InspectContainerAsync($"{theirs.Name}-app-1", Timeout))!;
        Assert.True(theirContainer.State.Running);
        await theirs.Down.DownAsync(theirProject, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Dry_run_returns_the_plan_and_touches_nothing()
    {
        await using var scope = new ProjectScope(fixture, "dry");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app"));

        var result = await scope.Up.UpAsync(project, new UpOptions { DryRun = true }, Timeout);

        Assert.False(result.Executed);
        Assert.Equal(
            $"""
            #1 CreateNetwork {scope.Name}_default (missing)
            #2 CreateContainer {scope.Name}-app-1 <- #1 (scale 0 -> 1)
            #3 StartContainer {scope.Name}-app-1 <- #2 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            result.PlanText);
        var left = await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ProjectFilter(scope.Name) }, Timeout);
        Assert.Empty(left);
    }

    [Fact]
    public async Task Missing_image_is_reported_as_not_found_locally()
    {
        await using var scope = new ProjectScope(fixture, "noimg");
        // pull_policy never: up would otherwise try the registry first, and no registry is reachable from tests.
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with { Image = "busybox:not-here", PullPolicy = "never" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Equal("service \"app\": image busybox:not-here not found locally and pull_policy is never", error.Message);
    }

    [Fact]
    public async Task Down_by_project_name_alone_removes_its_containers_networks_and_volumes()
    {
        await using var scope = new ProjectScope(fixture, "byname");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }],
        }) with
        {
            Volumes = TestServices.Map(("data", new Volume { Name = scope.Name + "_data" })),
        };
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        await scope.Down.DownAsync(new Project { Name = scope.Name, WorkingDirectory = "/" }, new DownOptions { Volumes = true }, Timeout);

        Assert.Empty(await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ProjectFilter(scope.Name) }, Timeout));
        Assert.Empty(await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(scope.Name) }, Timeout));
        Assert.Empty((await fixture.Docker.Volumes.ListAsync(new VolumesListParameters { Filters = ProjectFilter(scope.Name) }, Timeout)).Volumes ?? []);
    }

    internal static Dictionary<string, IDictionary<string, bool>> ProjectFilter(string project) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={project}"] = true } };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
