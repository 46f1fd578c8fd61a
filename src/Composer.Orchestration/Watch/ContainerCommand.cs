using System.Text;
using Composer.Engine.Contracts;
using Composer.Orchestration.Interactive;

namespace Composer.Orchestration.Watch;

/// <summary>Runs a command in a running container through exec, without a terminal, and collects what it printed.</summary>
internal static class ContainerCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IEngine engine, string containerId, ExecRequest request, CancellationToken cancellationToken)
    {
        var streams = engine.Streams;
        var execId = await streams.CreateExecAsync(containerId, request with { Tty = false, Stdin = false }, cancellationToken);
        using var output = new MemoryStream();
        using (var stream = await streams.StartExecAsync(execId, tty: false, cancellationToken))
        {
            await stream.CopyOutputAsync(output, output, cancellationToken);
        }

        var exitCode = await ExecService.ExitCodeAsync(streams, execId, cancellationToken);
        return (exitCode, Encoding.UTF8.GetString(output.ToArray()).TrimEnd());
    }
}
