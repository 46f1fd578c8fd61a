using Composer.EndToEnd.Tests.Support;
using Composer.Faults.Tests.Support;

namespace Composer.Faults.Tests;

/// <summary><c>-p NAME stop|start|...</c> in a folder without a compose file act on the project's containers, or fail.</summary>
[Collection(FaultCollection.Name)]
public sealed class NameOnlyVerbTests(FaultEngine engine)
{
    [Fact]
    public async Task Lifecycle_verbs_by_project_name_alone_act_on_its_containers_or_fail_with_one_line()
    {
        await using var project = new FaultProject(engine, "name");
        project.Write(1);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);
        var empty = Directory.CreateTempSubdirectory("composer-faults-empty-").FullName;
        try
        {
            async Task<(int ExitCode, string Error)> RunAsync(string name, params string[] arguments)
            {
                using var process = CliProcess.Start(empty, engine.Environment, ["-p", name, "--progress", "plain", .. arguments]);
                return (await process.WaitForExitAsync(FaultProject.Limit), process.Error);
            }

            var stop = await RunAsync(project.Name, "stop");
            Assert.True(stop.ExitCode == 0, stop.Error);
            Assert.All(await ContainersAsync(project), container => Assert.Equal("exited", container.State));

            var start = await RunAsync(project.Name, "start", "s2");
            Assert.True(start.ExitCode == 0, start.Error);
            var running = (await ContainersAsync(project)).Where(container => container.State == "running").Select(container => container.Name);
            Assert.Contains($"{project.Name}-s2-1", running);
            Assert.DoesNotContain($"{project.Name}-s3-1", running);

            var unknown = await RunAsync(project.Name + "x", "stop");
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains($"no containers found for project \"{project.Name}x\"", unknown.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private async Task<IReadOnlyList<Composer.Engine.Contracts.ContainerSummary>> ContainersAsync(FaultProject project) =>
        await engine.Client.ListContainersAsync(
            new Dictionary<string, string?>(StringComparer.Ordinal) { [Composer.Model.ComposeLabels.Project] = project.Name }, CancellationToken.None);
}
