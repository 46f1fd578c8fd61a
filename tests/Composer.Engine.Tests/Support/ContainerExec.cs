using System.Text;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Support;

/// <summary>Runs a command inside a running container through the engine and returns its exit code and output.</summary>
internal static class ContainerExec
{
    public static async Task<(long ExitCode, string Output)> RunAsync(EngineFixture fixture, string container, params string[] command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var created = await fixture.Docker.Exec.CreateContainerExecAsync(container, new ContainerExecCreateParameters
        {
            AttachStdout = true,
            AttachStderr = true,
            Cmd = command,
        }, timeout.Token);
        using var stream = await fixture.Docker.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), timeout.Token);
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(timeout.Token);
        var inspected = await fixture.Docker.Exec.InspectContainerExecAsync(created.ID, timeout.Token);
        return (inspected.ExitCode ?? -1, new StringBuilder(stdout).Append(stderr).ToString());
    }
}
