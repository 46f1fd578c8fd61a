using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Hooks;

/// <summary>
/// pre_start runs once per service and plan, before its first container starts, and only when none of the
/// service's containers is running yet (a first up, a recreate, a start after stop), as docker compose does: a scale
/// up next to running replicas does not run it again. Other starts of the service wait for it; if it failed, they fail too.
/// </summary>
internal sealed class PreStartGate(IEngine engine, Project project)
{
    private readonly Dictionary<string, Task> _runs = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public Task RunOnceAsync(Service service, string container, HookRunner hooks, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(service.Name, out var run))
            {
                run = RunAsync(service, container, hooks, cancellationToken);
                _runs[service.Name] = run;
            }

            return run;
        }
    }

    private async Task RunAsync(Service service, string container, HookRunner hooks, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var running = await engine.ListContainersAsync(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = project.Name,
            [ComposeLabels.Service] = service.Name,
            [ComposeLabels.OneOff] = "False",
        }, cancellationToken);
        if (running.Any(summary => summary.State == "running"))
        {
            return;
        }

        await hooks.RunPreStartAsync(service, container, cancellationToken);
    }
}
