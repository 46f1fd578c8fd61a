using Composer.Engine.Tests.Support;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Integration;

/// <summary><c>ipc: service:x</c> and <c>pid: service:x</c>: x starts first and the container joins its namespaces.</summary>
[Collection(EngineCollection.Name)]
public sealed class NamespaceSharingTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Ipc_and_pid_of_service_x_join_the_namespaces_of_x_container()
    {
        await using var scope = new ProjectScope(fixture, "nss");
        // No depends_on: the references alone order db first (the loader would also add depends_on entries).
        var project = TestServices.Project(
            scope.Name,
            TestServices.Sleeper("db") with { Ipc = "shareable" },
            TestServices.Sleeper("app") with { Ipc = "service:db", Pid = "service:db" });

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var db = $"{scope.Name}-db-1";
        var app = $"{scope.Name}-app-1";
        foreach (var kind in new[] { "ipc", "pid" })
        {
            var (dbExit, dbNamespace) = await ContainerExec.RunAsync(fixture, db, "readlink", $"/proc/self/ns/{kind}");
            var (appExit, appNamespace) = await ContainerExec.RunAsync(fixture, app, "readlink", $"/proc/self/ns/{kind}");
            Assert.Equal((0L, 0L), (dbExit, appExit));
            Assert.StartsWith(kind + ":[", dbNamespace, StringComparison.Ordinal);
            Assert.Equal(dbNamespace, appNamespace);
        }

        var inspected = await fixture.Docker.Containers.InspectContainerAsync(app, Timeout);
        var dbId = (await fixture.Docker.Containers.InspectContainerAsync(db, Timeout)).ID;
        Assert.Contains(inspected.HostConfig.IpcMode, new[] { "container:" + db, "container:" + dbId });

        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }
}
