using Composer.EndToEnd.Tests.Support;
using Composer.Model;

namespace Composer.Faults.Tests.Support;

/// <summary>
/// One project on the fault engine: three busybox services (one depending on another) in a folder of their own,
/// composer runs against it, and an audit of what the engine holds for it. Disposing removes what is left.
/// </summary>
internal sealed class FaultProject(FaultEngine engine, string prefix) : IAsyncDisposable
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private const string GenerationLabel = "org.composer.faults.generation";
    private static readonly string[] Services = ["s1", "s2", "s3"];

    public string Name { get; } = $"f{prefix}{Guid.NewGuid().ToString("N")[..6]}";

    public string Directory => field ??= System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "composer-faults-" + Name)).FullName;

    /// <summary>Writes the compose file; <paramref name="generation"/> goes into each service's labels, so a new one recreates them all.</summary>
    public void Write(int generation)
    {
        var services = string.Join("", Services.Select(service => $$"""
              {{service}}:
                image: {{FaultEngine.Image}}
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
                labels: { {{GenerationLabel}}: "{{generation}}" }
            {{(service == "s2" ? "    depends_on: [s1]\n" : "")}}
            """));
        File.WriteAllText(Path.Combine(Directory, "compose.yaml"), "services:\n" + services);
    }

    public CliProcess Start(params string[] arguments) =>
        CliProcess.Start(Directory, engine.Environment, ["-p", Name, "--progress", "plain", .. arguments]);

    public async Task<(int ExitCode, CliProcess Process)> RunAsync(params string[] arguments)
    {
        var process = Start(arguments);
        return (await process.WaitForExitAsync(Limit), process);
    }

    /// <summary>After a converging up: every service once, running, of <paramref name="generation"/>; nothing doubled or left over.</summary>
    public async Task<Audit> AuditUpAsync(int generation)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var containers = await engine.Client.ListContainersAsync(Label, timeout.Token);
        var networks = (await engine.Client.ListNetworksAsync(Label, timeout.Token)).Count(network => network.Name == Name + "_default");
        var expected = Services.Select(service => $"{Name}-{service}-1").ToHashSet(StringComparer.Ordinal);
        var duplicates = Math.Max(0, networks - 1)
            + containers.GroupBy(container => (container.Labels.GetValueOrDefault(ComposeLabels.Service), container.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber)))
                .Sum(group => group.Count() - 1);
        var leftovers = containers.Count(container => !expected.Contains(container.Name));
        var converged = networks == 1 && expected.All(name => containers.Any(container => container.Name == name && container.State == "running"));
        foreach (var container in containers.Where(container => expected.Contains(container.Name)))
        {
            var inspected = await engine.Client.InspectContainerAsync(container.Id, timeout.Token);
            converged &= inspected is not null && inspected.Running
                && inspected.Labels.GetValueOrDefault(GenerationLabel) == generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Audit(duplicates, leftovers, converged, Describe(containers));
    }

    /// <summary>After a converging down: nothing of the project left.</summary>
    public async Task<Audit> AuditDownAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        var containers = await engine.Client.ListContainersAsync(Label, timeout.Token);
        var networks = await engine.Client.ListNetworksAsync(Label, timeout.Token);
        var leftovers = containers.Count + networks.Count;
        return new Audit(0, leftovers, leftovers == 0, Describe(containers) + $"; {networks.Count} networks");
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            foreach (var container in await engine.Client.ListContainersAsync(Label, timeout.Token))
            {
                await engine.Client.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, timeout.Token);
            }

            foreach (var network in await engine.Client.ListNetworksAsync(Label, timeout.Token))
            {
                await engine.Client.RemoveNetworkAsync(network.Id, timeout.Token);
            }

            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or Composer.Engine.Contracts.EngineException)
        {
            // Best effort: the engine is torn down at the end of the suite anyway.
        }
    }

    private IReadOnlyDictionary<string, string?> Label => new Dictionary<string, string?>(StringComparer.Ordinal) { [ComposeLabels.Project] = Name };

    private static string Describe(IReadOnlyList<Composer.Engine.Contracts.ContainerSummary> containers) =>
        string.Join(", ", containers.Select(container => $"{container.Name} {container.State}"));
}
