using Composer.Model;

namespace Composer.Planning.Tests;

public sealed class DependencyGraphTests
{
    private static IReadOnlyDictionary<string, Service> Services(params Service[] services) =>
        services.ToDictionary(service => service.Name, StringComparer.Ordinal);

    [Fact]
    public void Levels_put_each_service_after_all_of_its_dependencies()
    {
        var graph = DependencyGraph.FromServices(Services(
            Projects.Service("web", "api", "cache"), Projects.Service("api", "db"), Projects.Service("db"), Projects.Service("cache")));

        Assert.Equal(["cache,db", "api", "web"], graph.Levels.Select(level => string.Join(',', level)));
        Assert.Equal(["web", "api", "db", "cache"], graph.StopOrder);
    }

    [Fact]
    public void Transitive_dependencies_and_dependents_are_followed()
    {
        var graph = DependencyGraph.FromServices(Services(Projects.Service("web", "api"), Projects.Service("api", "db"), Projects.Service("db"), Projects.Service("tool")));

        Assert.Equal(["api", "db", "web"], graph.WithDependencies(["web"]));
        Assert.Equal(["api", "db", "web"], graph.WithDependents(["db"]));
    }

    [Fact]
    public void Dependency_on_a_service_outside_the_project_is_ignored()
    {
        var graph = DependencyGraph.FromServices(Services(Projects.Service("web", "disabled")));

        Assert.Equal(["web"], graph.StartOrder);
    }

    [Fact]
    public void Cycle_is_reported_with_its_members_in_order()
    {
        var error = Assert.Throws<DependencyCycleException>(() => DependencyGraph.FromServices(Services(
            Projects.Service("a", "b"), Projects.Service("b", "c"), Projects.Service("c", "a"), Projects.Service("d", "a"))));

        Assert.Equal("dependency cycle between services: a -> b -> c -> a", error.Message);
    }
}
