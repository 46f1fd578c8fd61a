using Composer.Model;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Support;

/// <summary>
/// A uniquely named project for one test; disposing takes it down with its volumes and force-removes anything a
/// failed test left behind.
/// </summary>
internal sealed class ProjectScope(EngineFixture fixture, string prefix) : IAsyncDisposable
{
    public string Name { get; } = $"ct{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public RecordingProgressSink Sink { get; } = new();

    public UpService Up => new(fixture.Context(Sink));

    public DownService Down => new(fixture.Context(Sink));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var label = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={Name}"] = true } };
        foreach (var container in await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = label }, timeout.Token))
        {
            await fixture.Docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, timeout.Token);
        }

        foreach (var network in await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = label }, timeout.Token))
        {
            await fixture.Docker.Networks.DeleteNetworkAsync(network.ID, timeout.Token);
        }

        var volumes = await fixture.Docker.Volumes.ListAsync(new VolumesListParameters { Filters = label }, timeout.Token);
        foreach (var volume in volumes.Volumes ?? [])
        {
            await fixture.Docker.Volumes.RemoveAsync(volume.Name, force: true, timeout.Token);
        }
    }
}
