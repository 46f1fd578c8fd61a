using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Watch;

/// <summary>
/// <c>watch</c>: follows the host files of the services' develop.watch rules and applies each batch of changes to the
/// running containers, until cancelled. The compose files and env files are watched too: an edit loads the project
/// again and applies its plan (only what changed is recreated); a file that no longer loads is reported and watching
/// goes on with the project as it was. A failed action is reported and watching goes on.
/// </summary>
public sealed class WatchService(OrchestrationContext context)
{
    public async Task WatchAsync(Project project, WatchOptions options, IWatchReporter reporter, CancellationToken cancellationToken)
    {
        var quiet = context with { Progress = new WatchProgress(reporter) };
        var actions = new ServiceActions(quiet, reporter, options);
        var services = Watched(project, options, reporter, starting: true);
        var projectFiles = ProjectFiles(project, options);
        try
        {
            using var watcher = new FileChangeWatcher(reporter.Warning);
            watcher.Watch(WatchedPaths(services, projectFiles));

            // Files are watched from here on: what changes during the initial sync is synced again.
            await InitialSyncAsync(project, services, actions, reporter, cancellationToken);
            reporter.Status($"watching {string.Join(", ", services.Select(service => service.Name))}; Ctrl-C stops watching");
            while (await watcher.Changes.WaitToReadAsync(cancellationToken))
            {
                // Listed now, the running containers are known by the time the quiet period has passed.
                var running = actions.ListRunningAsync(project, cancellationToken);
                var batch = await ChangeBatcher.NextAsync(watcher.Changes, cancellationToken);
                var edited = batch.Where(projectFiles.Contains).ToList();
                if (edited.Count > 0 && options.Reload is not null && await ReloadAsync(options, edited, quiet, reporter, cancellationToken) is { } reloaded)
                {
                    // Changes made while reloading wait in the watcher's channel and are the next batch, applied with
                    // the reloaded rules; the rules' paths may have changed, so the watched set follows them.
                    project = reloaded;
                    services = Watched(project, options, reporter, starting: false);
                    projectFiles = ProjectFiles(project, options);
                    watcher.Watch(WatchedPaths(services, projectFiles));
                    running = actions.ListRunningAsync(project, cancellationToken);
                }

                await ApplyAsync(project, batch, services, actions, running, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: watching ends quietly.
        }
    }

    /// <summary>Refuses, before anything starts, a watch that could do nothing or could not rebuild.</summary>
    public static void EnsureWatchable(Project project, WatchOptions options) =>
        Watched(project, options, new SilentReporter(), starting: true);

    /// <summary>
    /// The services to watch with their rules. Starting, nothing to watch or a rebuild rule under --no-build refuses
    /// the watch; after a reload, a rebuild rule the edit added under --no-build is one error line and is left out,
    /// and watching goes on with the other rules.
    /// </summary>
    private static IReadOnlyList<WatchedService> Watched(Project project, WatchOptions options, IWatchReporter reporter, bool starting)
    {
        var services = WatchedService.From(project, options.Services, reporter.Warning);
        if (starting && services.Count == 0)
        {
            throw new WatchException("none of the selected services has develop.watch rules: add a develop section (see the README's Watch section)");
        }

        if (!options.Up.NoBuild)
        {
            return services;
        }

        var rebuilding = services.Where(service => service.Rules.Any(rule => rule.Rule.Action == WatchRule.Rebuild)).Select(service => service.Name).ToList();
        if (rebuilding.Count == 0)
        {
            return services;
        }

        var names = string.Join(", ", rebuilding.Select(name => $"\"{name}\""));
        if (starting)
        {
            throw new WatchException($"--no-build cannot be combined with the rebuild rule of service {names}");
        }

        reporter.Failure($"--no-build cannot be combined with the rebuild rule of service {names}: it is not watched");
        return [.. services
            .Select(service => service with { Rules = [.. service.Rules.Where(rule => rule.Rule.Action != WatchRule.Rebuild)] })
            .Where(service => service.Rules.Count > 0)];
    }

    private static IEnumerable<string> WatchedPaths(IReadOnlyList<WatchedService> services, HashSet<string> projectFiles) =>
        services.SelectMany(service => service.Rules).Select(rule => rule.Rule.Path).Concat(projectFiles);

    private static HashSet<string> ProjectFiles(Project project, WatchOptions options) =>
        project.ConfigFiles
            .Concat(project.SourceFiles)
            .Concat(options.ProjectFiles)
            .Concat(project.Services.Values.SelectMany(service => service.EnvFiles).Select(file => file.Path))
            .Where(path => path != "-" && Path.IsPathRooted(path))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// initial_sync, as docker compose does it: per service, the rules' files modified since its image was created,
    /// in one sync.
    /// </summary>
    private static async Task InitialSyncAsync(Project project, IReadOnlyList<WatchedService> services, ServiceActions actions, IWatchReporter reporter, CancellationToken cancellationToken)
    {
        foreach (var service in services)
        {
            var rules = service.Rules.Where(filter => filter.Rule.InitialSync && filter.Rule.Syncs).ToList();
            if (rules.Count == 0)
            {
                continue;
            }

            var running = actions.ListRunningAsync(project, cancellationToken);
            DateTimeOffset? since;
            try
            {
                since = await actions.ImageCreatedAsync(service.Name, running, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                reporter.Failure($"{service.Name}: initial sync failed: {exception.Message}");
                continue;
            }

            var mappings = rules.SelectMany(filter => InitialSyncFiles.Of(filter, since)).ToList();
            if (mappings.Count > 0)
            {
                await actions.SyncAsync(project, service.Name, mappings, running, cancellationToken);
            }
        }
    }

    private static async Task ApplyAsync(Project project, IReadOnlyList<string> batch, IReadOnlyList<WatchedService> services, ServiceActions actions,
        Task<IReadOnlyList<Engine.Contracts.ContainerSummary>> running, CancellationToken cancellationToken)
    {
        var changes = ServiceChanges.Of(batch, services);
        await Task.WhenAll(changes.Select(change => actions.ApplyAsync(project, change, running, cancellationToken)));
    }

    /// <summary>Loads the edited project and applies its plan; null (reported) when it does not load or apply.</summary>
    private static async Task<Project?> ReloadAsync(WatchOptions options, IReadOnlyList<string> edited, OrchestrationContext context, IWatchReporter reporter, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", edited.Select(Path.GetFileName));
        Project project;
        try
        {
            project = await options.Reload!(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            reporter.Failure($"{names} changed but does not load, watching goes on with the project as it was: {exception.Message}");
            return null;
        }

        try
        {
            // As the command line brought the project up, except what would recreate more than the edit changed.
            var up = options.Up with { Services = options.Services, ForceRecreate = false, AlwaysRecreateDeps = false };
            var result = await new UpService(context).UpAsync(project, up, cancellationToken);
            var recreated = result.Plan.Operations
                .Where(operation => operation.Kind == OperationKind.CreateContainer && operation.Service is not null)
                .GroupBy(operation => operation.Service!, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => $"{group.Key} ({group.Count()})")
                .ToList();
            reporter.Action(recreated.Count == 0
                ? $"{names} changed: reloaded, no container to change"
                : $"{names} changed: reloaded, recreated {string.Join(", ", recreated)}");
            return project;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            reporter.Failure($"{names} changed but applying it failed: {exception.Message}");
            return project;
        }
    }

    private sealed class SilentReporter : IWatchReporter
    {
        public void Status(string line)
        {
        }

        public void Action(string line)
        {
        }

        public void Failure(string line)
        {
        }

        public void Warning(string line)
        {
        }
    }
}
