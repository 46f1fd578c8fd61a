using Composer.Cli.Hosting;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration;
using Composer.Orchestration.Logs;
using Composer.Orchestration.Services;

namespace Composer.Cli.Logs;

/// <summary>
/// The part of <c>up</c> without -d that follows the containers' output: it ends when they have all exited, stops
/// the stack on Ctrl-C (killing it on a second Ctrl-C) or when one exits with --abort-on-container-exit.
/// </summary>
internal sealed class AttachedUp(CommandInvocation invocation, IEngine engine, Project project, AttachOptions options, InterruptWatcher interrupts)
{
    private static readonly TimeSpan KillLimit = TimeSpan.FromSeconds(20);

    /// <summary>Follows output written since <paramref name="since"/>; returns the exit code of the command.</summary>
    public async Task<int> RunAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var streamer = new LogStreamer(engine, new ConsoleLogSink(invocation.Context.Out));
        var abort = options.AbortOnContainerExit || options.ExitCodeFrom is not null;
        IReadOnlyList<ContainerExit> exits;
        try
        {
            exits = await streamer.RunAsync(project.Name, new LogStreamOptions
            {
                Services = options.AttachedServices,
                Follow = true,
                ReportExits = true,
                StopOnFirstExit = abort,
                UntilCancelled = options.Watching && !abort,
                Since = LogTime.Format(since),
                Prefix = options.Prefix,
                Colour = options.Colour,
                Timestamps = options.Timestamps,
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await StopAfterInterruptAsync();
        }

        if (!abort)
        {
            return ExitCodes.Success;
        }

        invocation.Context.Error.WriteLine("Aborting on container exit...");
        await StopStackAsync();
        if (options.ExitCodeFrom is { } service)
        {
            return await ExitCodeOfAsync(service);
        }

        return exits.Count > 0 ? (int)exits[0].ExitCode : ExitCodes.Success;
    }

    /// <summary>Ctrl-C: stop what the up started, then exit 130 as a shell expects of an interrupted command.</summary>
    public async Task<int> StopAfterInterruptAsync()
    {
        invocation.Context.Error.WriteLine("Gracefully stopping... (press Ctrl+C again to force)");
        await StopStackAsync();
        return ExitCodes.Interrupted;
    }

    private async Task StopStackAsync()
    {
        await using var progress = invocation.Output.StartProgress();
        var context = new OrchestrationContext(engine, progress);
        var lifecycle = new LifecycleOptions { Services = options.Services, Timeout = options.StopTimeout };
        try
        {
            await new StopService(context).StopAsync(project, lifecycle, interrupts.Force);
        }
        catch (OperationCanceledException) when (interrupts.Force.IsCancellationRequested)
        {
            using var limit = new CancellationTokenSource(KillLimit);
            await new KillService(context).KillAsync(project, lifecycle, limit.Token);
        }
    }

    private async Task<int> ExitCodeOfAsync(string service)
    {
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = project.Name,
            [ComposeLabels.Service] = service,
        };
        using var limit = new CancellationTokenSource(KillLimit);
        var containers = await engine.ListContainersAsync(labels, limit.Token);
        foreach (var container in containers.OrderBy(container => container.Name, StringComparer.Ordinal))
        {
            if (await engine.InspectContainerAsync(container.Id, limit.Token) is { } inspected)
            {
                return (int)inspected.ExitCode;
            }
        }

        return ExitCodes.Failure;
    }
}
