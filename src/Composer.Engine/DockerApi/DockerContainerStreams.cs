using Composer.Engine.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary><see cref="IContainerStreams"/> on Docker.DotNet, through <see cref="EngineCalls"/>.</summary>
internal sealed class DockerContainerStreams(DockerClient client, EngineCalls calls) : IContainerStreams
{
    public async Task<string> CreateExecAsync(string containerIdOrName, ExecRequest request, CancellationToken cancellationToken)
    {
        var parameters = new ContainerExecCreateParameters
        {
            Cmd = [.. request.Command],
            TTY = request.Tty,
            AttachStdin = request.Stdin,
            AttachStdout = true,
            AttachStderr = true,
            Env = [.. request.Environment],
            User = request.User ?? "",
            WorkingDir = request.WorkingDir ?? "",
            Privileged = request.Privileged,
        };
        var created = await calls.ChangeAsync($"create an exec in container {containerIdOrName}",
            token => client.Exec.CreateContainerExecAsync(containerIdOrName, parameters, token), cancellationToken);
        return created.ID;
    }

    // A blocking call: retried only when the engine never saw it, since a started command must not run twice.
    public async Task<IContainerStream> StartExecAsync(string execId, bool tty, CancellationToken cancellationToken)
    {
        var stream = await calls.BlockingAsync($"start exec {Short(execId)}",
            token => client.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { TTY = tty }, token), cancellationToken);
        return new DockerContainerStream(stream);
    }

    public Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken) =>
        calls.BlockingAsync($"start exec {Short(execId)}", async token =>
        {
            using var stream = await client.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { Detach = true }, token);
            return true;
        }, cancellationToken);

    public async Task<long?> ExecExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        var inspected = await calls.QueryAsync($"inspect exec {Short(execId)}",
            token => client.Exec.InspectContainerExecAsync(execId, token), cancellationToken);
        return inspected.Running ? null : inspected.ExitCode;
    }

    // A resize is one attempt (the blocking kind retries only a call the engine never saw): when it fails, the process
    // has usually ended already (engine 20.10 answers 500 "cannot resize a stopped container"), and retrying with
    // backoff held the command's output back for seconds and printed retry lines into a raw terminal. The caller
    // tries again on its own terms (StreamPump).
    public Task ResizeExecAsync(string execId, TerminalSize size, CancellationToken cancellationToken) =>
        calls.BlockingAsync($"resize exec {Short(execId)}",
            token => client.Exec.ResizeExecTtyAsync(execId, Resize(size), token), cancellationToken);

    public async Task<IContainerStream> AttachAsync(string containerIdOrName, bool stdin, CancellationToken cancellationToken)
    {
        var parameters = new ContainerAttachParameters { Stream = true, Stdin = stdin, Stdout = true, Stderr = true };
        var stream = await calls.BlockingAsync($"attach to container {containerIdOrName}",
            token => client.Containers.AttachContainerAsync(containerIdOrName, parameters, token), cancellationToken);
        return new DockerContainerStream(stream);
    }

    public Task ResizeContainerAsync(string containerIdOrName, TerminalSize size, CancellationToken cancellationToken) =>
        calls.BlockingAsync($"resize the terminal of container {containerIdOrName}",
            token => client.Containers.ResizeContainerTtyAsync(containerIdOrName, Resize(size), token), cancellationToken);

    private static ContainerResizeParameters Resize(TerminalSize size) =>
        new() { Height = checked((long)size.Rows), Width = checked((long)size.Columns) };

    private static string Short(string id) => id[..Math.Min(12, id.Length)];
}
