using System.Collections.Concurrent;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Logs;

/// <summary>
/// Reads the output of a project's containers side by side into one sink, each line prefixed with its container.
/// Following, it also picks up containers that start later (from the engine's start events) and ends when every
/// followed container has stopped; without following it ends when all output so far is printed.
/// </summary>
public sealed class LogStreamer(IEngine engine, ILogSink sink)
{
    // Events can be missed in the moment between listing the containers and the event subscription taking hold;
    // a slow re-list closes that gap.
    private static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(2);

    private readonly object gate = new();
    private readonly Dictionary<string, DateTimeOffset> followedSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> active = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ContainerExit> exits = new();
    private readonly List<Task> readers = [];
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LogPrefixer prefixer = new(true, false);
    private bool initialScanDone;

    /// <summary>Runs until the output ends (see the class summary); returns the containers that stopped meanwhile, in order.</summary>
    public async Task<IReadOnlyList<ContainerExit>> RunAsync(string projectName, LogStreamOptions options, CancellationToken cancellationToken)
    {
        prefixer = new LogPrefixer(options.Prefix, options.Colour);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal) { [ComposeLabels.Project] = projectName };
        Task watcher = Task.CompletedTask;
        if (options.Follow)
        {
            watcher = WatchStartsAsync(projectName, labels, options, stop.Token);
        }

        var initial = Selected(await engine.ListContainersAsync(labels, cancellationToken), options)
            .OrderBy(container => container.Labels.GetValueOrDefault(ComposeLabels.Service), StringComparer.Ordinal)
            .ThenBy(Number)
            .ToList();
        lock (gate)
        {
            foreach (var container in initial)
            {
                prefixer.Register(ServiceOf(container), LabelOf(projectName, container));
            }

            foreach (var container in initial)
            {
                Follow(projectName, container.Id, ServiceOf(container), Number(container), container.Name, options.Since, options, stop.Token);
            }

            initialScanDone = true;
            CompleteIfIdle(options);
        }

        try
        {
            await finished.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(ReadersAndWatcher(watcher)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return [.. exits];
    }

    private Task[] ReadersAndWatcher(Task watcher)
    {
        lock (gate)
        {
            return [.. readers, watcher];
        }
    }

    private async Task WatchStartsAsync(string projectName, IReadOnlyDictionary<string, string?> labels, LogStreamOptions options, CancellationToken cancellationToken)
    {
        var events = WatchEventsAsync(projectName, labels, options, cancellationToken);
        var rescans = RescanAsync(projectName, labels, options, cancellationToken);
        try
        {
            await Task.WhenAll(events, rescans);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Over: the streamer is done.
        }
    }

    private async Task WatchEventsAsync(string projectName, IReadOnlyDictionary<string, string?> labels, LogStreamOptions options, CancellationToken cancellationToken)
    {
        await foreach (var engineEvent in engine.ContainerEventsAsync(labels, cancellationToken))
        {
            if (engineEvent.Action != "start" || !Wanted(engineEvent.Attributes, options))
            {
                continue;
            }

            var service = engineEvent.Attributes.GetValueOrDefault(ComposeLabels.Service) ?? "";
            var number = int.TryParse(engineEvent.Attributes.GetValueOrDefault(ComposeLabels.ContainerNumber), out var parsed) ? parsed : 0;
            var name = engineEvent.Attributes.GetValueOrDefault("name") ?? engineEvent.ContainerId;
            var startedAt = engineEvent.Time ?? DateTimeOffset.UtcNow;
            lock (gate)
            {
                // A start we already cover (the initial list saw it running) must not print its lines twice.
                if (active.Contains(engineEvent.ContainerId)
                    || (followedSince.TryGetValue(engineEvent.ContainerId, out var since) && since >= startedAt))
                {
                    continue;
                }

                Follow(projectName, engineEvent.ContainerId, service, number, name, LogTime.Format(startedAt), options, cancellationToken);
            }
        }
    }

    private async Task RescanAsync(string projectName, IReadOnlyDictionary<string, string?> labels, LogStreamOptions options, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RescanInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var containers = Selected(await engine.ListContainersAsync(labels, cancellationToken), options);
            lock (gate)
            {
                foreach (var container in containers.Where(container => container.State == "running" && !followedSince.ContainsKey(container.Id)))
                {
                    Follow(projectName, container.Id, ServiceOf(container), Number(container), container.Name, options.Since, options, cancellationToken);
                }
            }
        }
    }

    // Called under the gate.
    private void Follow(string projectName, string containerId, string service, int number, string name, string? since, LogStreamOptions options, CancellationToken cancellationToken)
    {
        followedSince[containerId] = DateTimeOffset.UtcNow;
        active.Add(containerId);
        var label = LogPrefixer.LabelFor(projectName, service, number, name);
        prefixer.Register(service, label);
        readers.Add(Task.Run(() => ReadAsync(containerId, service, number, name, label, since, options, cancellationToken), CancellationToken.None));
    }

    private async Task ReadAsync(string containerId, string service, int number, string name, string label, string? since, LogStreamOptions options, CancellationToken cancellationToken)
    {
        var request = new LogRequest
        {
            Follow = options.Follow,
            Tail = options.Tail,
            Since = since,
            Until = options.Until,
            Timestamps = options.Timestamps,
        };
        try
        {
            await foreach (var line in engine.ContainerLogsAsync(containerId, request, cancellationToken))
            {
                lock (gate)
                {
                    sink.WriteLine(prefixer.Format(service, label, line.Text), line.Stream);
                }
            }

            if (options.Follow && await engine.WaitContainerAsync(containerId, cancellationToken) is { } exitCode)
            {
                exits.Enqueue(new ContainerExit(service, name, number, exitCode));
                if (options.ReportExits)
                {
                    lock (gate)
                    {
                        sink.WriteLine(prefixer.Notice(service, label, $"exited with code {exitCode}"), LogStream.Stdout);
                    }
                }

                if (options.StopOnFirstExit)
                {
                    finished.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception failure)
        {
            // One container's output failing must not end the others'; say so in its place.
            lock (gate)
            {
                sink.WriteLine(prefixer.Notice(service, label, $"cannot read output: {failure.Message}"), LogStream.Stderr);
            }
        }
        finally
        {
            lock (gate)
            {
                active.Remove(containerId);
                CompleteIfIdle(options);
            }
        }
    }

    // Called under the gate.
    private void CompleteIfIdle(LogStreamOptions options)
    {
        if (initialScanDone && active.Count == 0 && !options.UntilCancelled)
        {
            finished.TrySetResult();
        }
    }

    private static IEnumerable<ContainerSummary> Selected(IEnumerable<ContainerSummary> containers, LogStreamOptions options) =>
        containers.Where(container => Wanted(container.Labels, options));

    private static bool Wanted(IReadOnlyDictionary<string, string> labels, LogStreamOptions options)
    {
        if (string.Equals(labels.GetValueOrDefault(ComposeLabels.OneOff), "True", StringComparison.OrdinalIgnoreCase)
            || labels.GetValueOrDefault(ComposeLabels.Service) is not { } service)
        {
            return false;
        }

        if (options.Services.Count > 0 && !options.Services.Contains(service, StringComparer.Ordinal))
        {
            return false;
        }

        return options.Index is not { } index
            || (int.TryParse(labels.GetValueOrDefault(ComposeLabels.ContainerNumber), out var number) && number == index);
    }

    private static string ServiceOf(ContainerSummary container) => container.Labels.GetValueOrDefault(ComposeLabels.Service) ?? "";

    private static int Number(ContainerSummary container) =>
        int.TryParse(container.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber), out var number) ? number : 0;

    private static string LabelOf(string projectName, ContainerSummary container) =>
        LogPrefixer.LabelFor(projectName, ServiceOf(container), Number(container), container.Name);
}
