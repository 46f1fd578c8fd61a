using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Support;

/// <summary>Runs a throwaway busybox command (on a network, with binds) and returns its exit code.</summary>
internal static class Probe
{
    public static async Task<long> RunAsync(EngineFixture fixture, string? network, IList<string>? binds, params string[] command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var created = await fixture.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = "busybox:latest",
            Cmd = command,
            HostConfig = new HostConfig { NetworkMode = network ?? "none", Binds = binds ?? [] },
        }, timeout.Token);
        try
        {
            await fixture.Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), timeout.Token);
            var result = await fixture.Docker.Containers.WaitContainerAsync(created.ID, timeout.Token);
            return result.StatusCode;
        }
        finally
        {
            await fixture.Docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }
}
