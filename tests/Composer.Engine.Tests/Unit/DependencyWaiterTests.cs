using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Readiness;

namespace Composer.Engine.Tests.Unit;

public sealed class DependencyWaiterTests
{
    private static FakeEngine EngineWithDb(string health)
    {
        var engine = new FakeEngine();
        engine.Containers.Add(new ContainerSummary { Id = "db1", Name = "p-db-1", State = "running" });
        engine.Inspection = new ContainerInspection { Id = "db1", Name = "p-db-1", State = "running", Running = true, Health = health };
        return engine;
    }

    [Fact]
    public async Task A_health_event_wakes_the_waiter_long_before_the_fallback_inspect()
    {
        var engine = EngineWithDb("starting");
        var waiter = new DependencyWaiter(engine, fallbackInterval: TimeSpan.FromHours(1));

        var waiting = waiter.WaitAsync("p", "db", ServiceDependency.Healthy, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        engine.Inspection = engine.Inspection! with { Health = "healthy" };
        await engine.Events.Writer.WriteAsync(new EngineEvent("db1", "health_status: healthy", new Dictionary<string, string>()));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_unhealthy_dependency_fails_with_its_last_output()
    {
        var engine = EngineWithDb("unhealthy");
        engine.Inspection = engine.Inspection! with { LastHealthOutput = "connection refused" };
        var waiter = new DependencyWaiter(engine, TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<DependencyFailedException>(() => waiter.WaitAsync("p", "db", ServiceDependency.Healthy, CancellationToken.None));

        Assert.Equal("db is unhealthy: connection refused", error.Message);
    }

    [Fact]
    public async Task A_service_without_containers_cannot_be_waited_for()
    {
        var waiter = new DependencyWaiter(new FakeEngine(), TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<DependencyFailedException>(() => waiter.WaitAsync("p", "db", ServiceDependency.Started, CancellationToken.None));

        Assert.Equal("db has no container to wait for", error.Message);
    }
}
