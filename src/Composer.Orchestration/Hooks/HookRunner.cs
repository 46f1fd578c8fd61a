using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Interactive;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Hooks;

/// <summary>
/// Runs lifecycle hooks. post_start and pre_stop run in the container through exec, one after another, with their
/// output shown as progress under <c>container -&gt;</c>; a non-zero exit fails the step with the hook's last lines.
/// pre_start runs each hook in a one-off container that shares the service container's volumes and networks.
/// </summary>
internal sealed class HookRunner(IEngine engine, Project project, IProgressSink progress)
{
    public const string PostStart = "post_start";
    public const string PreStop = "pre_stop";

    /// <summary>
    /// Runs the post_start or pre_stop hooks in <paramref name="container"/> (its id or name); their output is shown
    /// under <paramref name="name"/>, the container's name, as its progress lines are.
    /// </summary>
    public async Task RunExecHooksAsync(string kind, Service service, string container, string name, CancellationToken cancellationToken)
    {
        var hooks = kind == PostStart ? service.PostStart : service.PreStop;
        foreach (var hook in hooks)
        {
            var output = new HookOutput(progress, $"{name} -> {kind}");
            var execId = await engine.Streams.CreateExecAsync(container, new ExecRequest
            {
                Command = hook.Command,
                User = hook.User,
                WorkingDir = hook.WorkingDir,
                Privileged = hook.Privileged,
                Environment = HookEnvironment.Of(project, hook.Environment),
            }, cancellationToken);
            using (var stream = await engine.Streams.StartExecAsync(execId, tty: false, cancellationToken))
            {
                await stream.CopyOutputAsync(output, output, cancellationToken);
            }

            var code = await ExecService.ExitCodeAsync(engine.Streams, execId, cancellationToken);
            if (code != 0)
            {
                throw Failure(service, kind, hook, code, output.Tail());
            }
        }
    }

    /// <summary>
    /// Runs the service's pre_start hooks in order, each in a one-off container of the hook's image (else the
    /// service's) with the volumes of <paramref name="serviceContainer"/>; a failed hook's container is kept for
    /// inspection, a successful one removed.
    /// </summary>
    public async Task RunPreStartAsync(Service service, string serviceContainer, CancellationToken cancellationToken)
    {
        for (var index = 0; index < service.PreStart.Count; index++)
        {
            var hook = service.PreStart[index];
            var name = $"{project.Name}-{service.Name}-pre_start-{index}-{Guid.NewGuid().ToString("N")[..8]}";
            var hookService = service with
            {
                Image = hook.Image ?? service.Image,
                Build = null,
                Entrypoint = null,
                Command = hook.Command,
                User = hook.User,
                WorkingDir = hook.WorkingDir ?? service.WorkingDir,
                Privileged = hook.Privileged,
                Environment = Merged(service.Environment, hook.Environment),
                Volumes = [],
                VolumesFrom = [new VolumesFromSource(ReferenceTarget.Container, serviceContainer)],
                Ports = [],
                Healthcheck = null,
                Restart = null,
                ContainerName = null,
                Secrets = [],
                Configs = [],
                PostStart = [],
                PreStop = [],
                PreStart = [],
                Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ComposeLabels.Hook] = "pre_start" },
            };
            var id = await engine.CreateContainerAsync(new ContainerRequest
            {
                Project = project,
                Service = hookService,
                Name = name,
                Number = index + 1,
                ConfigHash = "",
                OneOff = true,
            }, cancellationToken);
            var output = new HookOutput(progress, $"{service.Name} -> pre_start[{index}]");
            var exitCode = await RunToEndAsync(id, output, cancellationToken);
            if (exitCode != 0)
            {
                var kept = $"hook container {id[..12]} kept for inspection";
                var tail = output.Tail();
                throw new HookFailedException(
                    $"service \"{service.Name}\": pre_start[{index}] {Describe(hook)} exited with status {exitCode}{(tail.Length > 0 ? ": " + tail : "")} ({kept})");
            }

            await engine.RemoveContainerAsync(id, force: true, removeVolumes: true, cancellationToken);
        }
    }

    private async Task<long> RunToEndAsync(string id, HookOutput output, CancellationToken cancellationToken)
    {
        await engine.StartContainerAsync(id, cancellationToken);

        // Following the logs ends when the container stops; the exit code comes from wait.
        await foreach (var line in engine.ContainerLogsAsync(id, new LogRequest { Follow = true }, cancellationToken))
        {
            output.Line(line.Text);
        }

        return await engine.WaitContainerAsync(id, cancellationToken) ?? -1;
    }

    private static SortedDictionary<string, string?> Merged(IReadOnlyDictionary<string, string?> service, IReadOnlyDictionary<string, string?> hook)
    {
        var merged = new SortedDictionary<string, string?>(service.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in hook)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static HookFailedException Failure(Service service, string kind, ServiceHook hook, long code, string tail) =>
        new($"service \"{service.Name}\": {kind} hook {Describe(hook)} exited with status {code.ToString(CultureInfo.InvariantCulture)}{(tail.Length > 0 ? ": " + tail : "")}");

    private static string Describe(ServiceHook hook) => "[" + string.Join(' ', hook.Command) + "]";
}
