using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Interactive;

/// <summary>
/// <c>attach</c>: follows a service container's output from now on (and feeds it our stdin when the service keeps
/// one open); returns the container's exit code once it stops, or 0 when the output ended otherwise.
/// </summary>
public sealed class AttachService(IEngine engine)
{
    /// <summary>--dry-run: the running container attach would follow.</summary>
    public async Task<string> PlanAsync(Project project, string service, int index, CancellationToken cancellationToken)
    {
        var container = await ServiceContainerLocator.RunningAsync(engine, project.Name, service, index, cancellationToken);
        return $"Attach {container.Name}";
    }

    public async Task<int> AttachAsync(Project project, string service, int index, bool forwardInput, IInteractiveConsole console, CancellationToken cancellationToken)
    {
        var container = await ServiceContainerLocator.RunningAsync(engine, project.Name, service, index, cancellationToken);

        // The container was made from the service's configuration, which says whether it has a tty and open stdin.
        var configuration = project.Services[service];
        var stdin = forwardInput && configuration.StdinOpen == true;
        var tty = configuration.Tty == true;
        using (var stream = await engine.Streams.AttachAsync(container.Id, stdin, cancellationToken))
        using (tty && stdin ? console.EnterRawMode() : null)
        {
            await StreamPump.RunAsync(stream, console, stdin,
                tty ? size => engine.Streams.ResizeContainerAsync(container.Id, size, CancellationToken.None) : null, cancellationToken);
        }

        var after = await engine.InspectContainerAsync(container.Id, cancellationToken);
        return after is { Running: false } ? (int)after.ExitCode : 0;
    }
}
