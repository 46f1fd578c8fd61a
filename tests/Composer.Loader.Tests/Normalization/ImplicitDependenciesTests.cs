using Composer.Loader.Diagnostics;
using Composer.Model;

namespace Composer.Loader.Tests.Normalization;

public sealed class ImplicitDependenciesTests
{
    private static async Task<Project> LoadAsync(string yaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "implicit-deps-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "compose.yaml"), yaml);
            var result = await ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = folder, ProjectName = "deps" }, CancellationToken.None);
            return result.Project;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Links_volumes_from_and_network_mode_service_become_started_dependencies()
    {
        var project = await LoadAsync("""
            services:
              db: {image: busybox}
              cache: {image: busybox}
              files: {image: busybox}
              app:
                image: busybox
                links: ["db:database"]
                volumes_from: ["files:ro"]
              sidecar:
                image: busybox
                network_mode: service:cache
            """);

        Assert.Equal(["db", "files"], project.Services["app"].DependsOn.Keys);
        Assert.Equal(ServiceDependency.Started, project.Services["app"].DependsOn["db"].Condition);
        Assert.True(project.Services["app"].DependsOn["db"].Required);
        Assert.Equal(["cache"], project.Services["sidecar"].DependsOn.Keys);
    }

    [Theory]
    [InlineData("ipc")]
    [InlineData("pid")]
    [InlineData("uts")]
    [InlineData("cgroup")]
    public async Task A_namespace_of_service_x_makes_x_a_started_dependency(string attribute)
    {
        var project = await LoadAsync($$"""
            services:
              db: {image: busybox}
              app:
                image: busybox
                {{attribute}}: service:db
            """);

        var app = project.Services["app"];
        Assert.Equal(ServiceDependency.Started, Assert.Single(app.DependsOn, pair => pair.Key == "db").Value.Condition);
        Assert.Contains(new ServiceReference("db", Enum.Parse<ReferenceReason>(attribute, ignoreCase: true)), app.References());
        Assert.Equal(["db", "app"], DependencyGraph.Of(project).StartOrder);
    }

    [Fact]
    public async Task An_explicit_depends_on_keeps_its_own_condition()
    {
        var project = await LoadAsync("""
            services:
              db:
                image: busybox
                healthcheck: {test: ["CMD", "true"]}
              app:
                image: busybox
                links: [db]
                depends_on:
                  db: {condition: service_healthy}
            """);

        Assert.Equal(ServiceDependency.Healthy, project.Services["app"].DependsOn["db"].Condition);
    }

    [Fact]
    public async Task A_link_cycle_is_reported_as_a_dependency_cycle()
    {
        var failure = await Assert.ThrowsAsync<LoadException>(() => LoadAsync("""
            services:
              a: {image: busybox, links: [b]}
              b: {image: busybox, links: [a]}
            """));

        Assert.Contains(failure.Diagnostics, diagnostic => diagnostic.Message.Contains("a -> b -> a", StringComparison.Ordinal)
            || diagnostic.Message.Contains("b -> a -> b", StringComparison.Ordinal));
    }
}
