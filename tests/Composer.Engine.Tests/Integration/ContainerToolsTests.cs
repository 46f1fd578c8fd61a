using Composer.Engine.Tests.Support;
using Composer.Orchestration.Inspection;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class ContainerToolsTests(EngineFixture fixture) : IDisposable
{
    private readonly string host = Directory.CreateTempSubdirectory("composer-cp-").FullName;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public void Dispose() => Directory.Delete(host, recursive: true);

    private async Task<ProjectScope> SleeperAsync(string prefix)
    {
        var scope = new ProjectScope(fixture, prefix);
        await scope.Up.UpAsync(TestServices.Project(scope.Name, TestServices.Sleeper("app")), new UpOptions(), Timeout);
        return scope;
    }

    private static CopyRequest Copy(string source, string destination)
    {
        var (from, to) = CopyPaths.ParsePair(source, destination);
        return new CopyRequest(from, to);
    }

    [Fact]
    public async Task A_file_and_a_folder_copied_into_the_container_arrive_with_their_content()
    {
        await using var scope = await SleeperAsync("cpin");
        File.WriteAllText(Path.Combine(host, "note.txt"), "hello file\n");
        Directory.CreateDirectory(Path.Combine(host, "tree", "sub"));
        File.WriteAllText(Path.Combine(host, "tree", "sub", "deep.txt"), "hello tree\n");
        var copier = new CopyService(fixture.Engine);

        await copier.CopyAsync(scope.Name, Copy(Path.Combine(host, "note.txt"), "app:/tmp/renamed.txt"), Timeout);
        await copier.CopyAsync(scope.Name, Copy(Path.Combine(host, "tree"), "app:/tmp/"), Timeout);
        await copier.CopyAsync(scope.Name, Copy(Path.Combine(host, "tree") + "/.", "app:/tmp/contents"), Timeout);

        var container = $"{scope.Name}-app-1";
        Assert.Equal((0, "hello file\n"), await ContainerExec.RunAsync(fixture, container, "cat", "/tmp/renamed.txt"));
        Assert.Equal((0, "hello tree\n"), await ContainerExec.RunAsync(fixture, container, "cat", "/tmp/tree/sub/deep.txt"));
        Assert.Equal((0, "hello tree\n"), await ContainerExec.RunAsync(fixture, container, "cat", "/tmp/contents/sub/deep.txt"));
    }

    [Fact]
    public async Task A_file_and_a_folder_copied_out_of_the_container_land_on_disk_like_docker_cp()
    {
        await using var scope = await SleeperAsync("cpout");
        var container = $"{scope.Name}-app-1";
        await ContainerExec.RunAsync(fixture, container, "sh", "-c", "mkdir -p /data/sub && echo inside > /data/sub/f.txt && echo single > /data/one.txt");
        Directory.CreateDirectory(Path.Combine(host, "existing"));
        var copier = new CopyService(fixture.Engine);

        await copier.CopyAsync(scope.Name, Copy("app:/data/one.txt", Path.Combine(host, "copy.txt")), Timeout);
        await copier.CopyAsync(scope.Name, Copy("app:/data", Path.Combine(host, "existing")), Timeout);
        await copier.CopyAsync(scope.Name, Copy("app:/data", Path.Combine(host, "fresh")), Timeout);

        Assert.Equal("single\n", File.ReadAllText(Path.Combine(host, "copy.txt")));
        Assert.Equal("inside\n", File.ReadAllText(Path.Combine(host, "existing", "data", "sub", "f.txt")));
        Assert.Equal("inside\n", File.ReadAllText(Path.Combine(host, "fresh", "sub", "f.txt")));
    }

    [Fact]
    public async Task Copy_errors_name_the_missing_path_and_a_file_into_a_missing_folder()
    {
        await using var scope = await SleeperAsync("cperr");
        var copier = new CopyService(fixture.Engine);

        var missing = await Assert.ThrowsAsync<InspectionException>(() => copier.CopyAsync(scope.Name, Copy("app:/no/such", host), Timeout));
        var noFolder = await Assert.ThrowsAsync<InspectionException>(() => copier.CopyAsync(scope.Name, Copy("app:/etc/hostname", Path.Combine(host, "absent") + "/"), Timeout));

        Assert.Contains("/no/such", missing.Message);
        Assert.StartsWith("no such directory", noFolder.Message);
    }

    [Fact]
    public async Task Top_lists_the_containers_sleep_process()
    {
        await using var scope = await SleeperAsync("top");

        var tables = await new TopService(fixture.Engine).ListAsync(scope.Name, [], Timeout);

        var (container, processes) = Assert.Single(tables);
        Assert.Equal($"{scope.Name}-app-1", container.Name);
        Assert.Contains("PID", processes.Titles);
        var command = processes.Titles.ToList().IndexOf("CMD");
        Assert.Contains(processes.Processes, row => row[command].StartsWith("sleep 3600", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_give_a_sample_with_memory_and_pids_of_a_running_container()
    {
        await using var scope = await SleeperAsync("stats");

        var rows = await new StatsService(fixture.Engine).SampleAsync(scope.Name, [], Timeout);

        var row = Assert.Single(rows);
        Assert.Equal($"{scope.Name}-app-1", row.Name);
        Assert.InRange(row.Pids, 2UL, 10UL);
        Assert.True(row.MemoryUsed > 0 && row.MemoryLimit > row.MemoryUsed, $"memory {row.MemoryUsed} of {row.MemoryLimit}");
        Assert.InRange(row.CpuPercent, 0, 100.0 * Environment.ProcessorCount);
    }
}
