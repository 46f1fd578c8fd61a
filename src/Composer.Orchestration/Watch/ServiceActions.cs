using System.Diagnostics;
using System.Globalization;
using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Hooks;
using Composer.Orchestration.Inspection;
using Composer.Orchestration.Services;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Watch;

/// <summary>
/// Carries out what a batch asks of one service, each step reported on one line: rebuild (build, then recreate only
/// that service's containers through up), sync (a tar into every running replica, deleted files removed), restart,
/// then the sync+exec commands. The running containers come from one listing of the project made when the batch's first
/// change arrived (it overlaps the quiet period), so a sync costs the archive upload and nothing else; a rebuild
/// recreates containers, so what follows it lists them again.
/// </summary>
internal sealed class ServiceActions(OrchestrationContext context, IWatchReporter reporter, WatchOptions options)
{
    private IEngine Engine => context.Engine;

    /// <summary>The project's running containers (one-off containers left out), listed once for a batch.</summary>
    public Task<IReadOnlyList<ContainerSummary>> ListRunningAsync(Project project, CancellationToken cancellationToken) =>
        ServiceContainers.ListAsync(Engine, project.Name, [], runningOnly: true, cancellationToken);

    /// <summary>When the image of the service's first running container was created; null when there is none.</summary>
    public async Task<DateTimeOffset?> ImageCreatedAsync(string service, Task<IReadOnlyList<ContainerSummary>> running, CancellationToken cancellationToken)
    {
        var container = Of(service, await running).FirstOrDefault();
        return container is null ? null : (await Engine.Images.InspectAsync(container.Image, cancellationToken))?.Created;
    }

    public async Task ApplyAsync(Project project, ServiceChanges changes, Task<IReadOnlyList<ContainerSummary>> running, CancellationToken cancellationToken)
    {
        var name = changes.Service;
        if (changes.Rebuild)
        {
            if (!await RebuildAsync(project, name, cancellationToken))
            {
                return;
            }

            running = ListRunningAsync(project, cancellationToken);
        }

        if (changes.Sync.Count > 0)
        {
            await SyncAsync(project, name, changes.Sync, running, cancellationToken);
        }

        if (changes.Restart && !changes.Rebuild)
        {
            await RestartAsync(project, name, cancellationToken);
        }

        foreach (var hook in changes.Execs)
        {
            await ExecAsync(project, name, hook, running, cancellationToken);
        }
    }

    public async Task SyncAsync(Project project, string service, IReadOnlyList<SyncMapping> mappings, Task<IReadOnlyList<ContainerSummary>> running, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var containers = Of(service, await running);
            if (containers.Count == 0)
            {
                reporter.Warning($"{service}: no running container to sync to");
                return;
            }

            var archive = SyncArchive.Build(mappings);
            if (archive.IsEmpty)
            {
                return;
            }

            await Task.WhenAll(containers.Select(container => SyncIntoAsync(container.Id, archive, cancellationToken)));
            var done = new List<string>();
            if (archive.Tar.Length > 0)
            {
                done.Add($"synced {Count(archive.Files, "file")} ({StatsText.Decimal((ulong)archive.Bytes)})");
            }

            if (archive.Deleted.Count > 0)
            {
                done.Add($"removed {Count(archive.Deleted.Count, "deleted path")}");
            }

            var copies = containers.Count == 1 ? "" : $" in {containers.Count} containers";
            reporter.Action($"{service}: {string.Join(", ", done)}{copies} in {Milliseconds(clock)}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            reporter.Failure($"{service}: sync failed: {exception.Message}");
        }
    }

    /// <summary>
    /// Removes the deleted paths (rm -rf through exec, one command for the batch unless it is very long) and writes the
    /// tar (one archive upload), at the same time: the tar holds only paths that exist on the host and the removals
    /// only paths that do not, so neither can undo the other.
    /// </summary>
    private async Task SyncIntoAsync(string containerId, SyncArchive archive, CancellationToken cancellationToken)
    {
        var removals = RemovalCommands.For(archive.Deleted).Select(command => RemoveAsync(containerId, command, cancellationToken));
        var upload = archive.Tar.Length > 0
            ? Engine.Tools.WriteArchiveAsync(containerId, "/", new MemoryStream(archive.Tar, writable: false), keepOwnership: true, cancellationToken)
            : Task.CompletedTask;
        await Task.WhenAll(removals.Append(upload));
    }

    private async Task RemoveAsync(string containerId, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ContainerCommand.RunAsync(Engine, containerId, new ExecRequest { Command = command }, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"removing {string.Join(", ", command.Skip(3))} exited with {exitCode}: {output}");
        }
    }

    private async Task<bool> RebuildAsync(Project project, string service, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var image = ImageNames.For(project, project.Services[service]);
            var before = await Engine.ImageIdAsync(image, cancellationToken);
            // The command line's up options (--scale, --pull, ...) hold for the recreated containers too.
            var up = options.Up with { Services = [service], NoDeps = true, Build = true, NoBuild = false, ForceRecreate = false, AlwaysRecreateDeps = false };
            var result = await new UpService(context).UpAsync(project, up, cancellationToken);
            var recreated = result.Plan.Operations.Count(operation => operation.Kind == OperationKind.CreateContainer && operation.Service == service);
            reporter.Action($"{service}: rebuilt in {Seconds(clock)}, recreated {Count(recreated, "container")}");
            if (options.Prune && before is not null && await Engine.ImageIdAsync(image, cancellationToken) != before)
            {
                await PruneAsync(service, before, cancellationToken);
            }

            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            reporter.Failure($"{service}: rebuild failed: {exception.Message}");
            return false;
        }
    }

    /// <summary>--prune: the image the rebuild replaced goes, unless a container or another tag still uses it.</summary>
    private async Task PruneAsync(string service, string imageId, CancellationToken cancellationToken)
    {
        try
        {
            if (await Engine.Images.RemoveAsync(imageId, cancellationToken))
            {
                reporter.Action($"{service}: removed the replaced image {imageId[..Math.Min(imageId.Length, 19)]}");
            }
        }
        catch (EngineException)
        {
            // Still in use (another service, a stopped container): it stays, as docker compose's prune leaves it.
        }
    }

    private async Task RestartAsync(Project project, string service, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await new RestartService(context).RestartAsync(project, new LifecycleOptions { Services = [service] }, cancellationToken);
            var restarted = result.Plan.Operations.Count(operation => operation.Kind == OperationKind.StartContainer);
            reporter.Action($"{service}: restarted {Count(restarted, "container")} in {Seconds(clock)}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            reporter.Failure($"{service}: restart failed: {exception.Message}");
        }
    }

    private async Task ExecAsync(Project project, string service, ServiceHook hook, Task<IReadOnlyList<ContainerSummary>> running, CancellationToken cancellationToken)
    {
        var command = string.Join(' ', hook.Command);
        try
        {
            var containers = Of(service, await running);
            var request = new ExecRequest
            {
                Command = hook.Command,
                User = hook.User,
                WorkingDir = hook.WorkingDir,
                Privileged = hook.Privileged,
                Environment = HookEnvironment.Of(project, hook.Environment),
            };
            var runs = await Task.WhenAll(containers.Select(async container =>
                (Container: container.Name, Result: await ContainerCommand.RunAsync(Engine, container.Id, request, cancellationToken))));
            foreach (var (container, (exitCode, output)) in runs)
            {
                foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    reporter.Action($"{container} | {line}");
                }

                if (exitCode == 0)
                {
                    reporter.Action($"{service}: ran `{command}` in {container}");
                }
                else
                {
                    reporter.Failure($"{service}: `{command}` exited with {exitCode} in {container}");
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            reporter.Failure($"{service}: `{command}` failed: {exception.Message}");
        }
    }

    private static List<ContainerSummary> Of(string service, IReadOnlyList<ContainerSummary> running) =>
        [.. running.Where(container => ServiceContainers.ServiceOf(container) == service)];

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    private static string Milliseconds(Stopwatch clock) => clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(Stopwatch clock) => clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
