using System.Diagnostics;
using Composer.Engine.Contracts;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// An ssh-agent of the build's own holding the private key files <c>build.ssh</c> names (buildx loads such files into
/// an in-process agent; here OpenSSH's ssh-agent and ssh-add do it). It listens on a socket in a private temporary
/// folder, runs in the foreground (<c>-D</c>) as our child, and is killed when the build ends. A key that needs a
/// passphrase is refused: nothing may prompt in the middle of a build's output.
/// </summary>
internal sealed class PrivateSshAgent : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string folder;

    private PrivateSshAgent(Process process, string folder, string socket)
    {
        this.process = process;
        this.folder = folder;
        Socket = socket;
    }

    public string Socket { get; }

    public static async Task<PrivateSshAgent> StartAsync(string id, string keyFile, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("composer-ssh-").FullName;
        var socket = Path.Combine(folder, "agent.sock");
        var start = new ProcessStartInfo("ssh-agent") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-s", "-a", socket })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new EngineException($"ssh ({id}): ssh-agent did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Directory.Delete(folder, recursive: true);
            throw new EngineException($"ssh ({id}): {keyFile} is a key file and ssh-agent cannot be run to hold it: {exception.Message}", exception);
        }

        var agent = new PrivateSshAgent(process, folder, socket);
        try
        {
            // In the foreground the agent prints its environment once the socket listens.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            if (await process.StandardOutput.ReadLineAsync(timeout.Token) is null)
            {
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
                throw new EngineException($"ssh ({id}): ssh-agent stopped at once: {error.Trim()}");
            }

            await agent.AddAsync(id, keyFile, timeout.Token);
            return agent;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            await agent.DisposeAsync();
            throw new EngineException($"ssh ({id}): ssh-agent and ssh-add did not load {keyFile} within {Limit.TotalSeconds}s", exception);
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder goes with the machine's temporary files.
        }
    }

    private async Task AddAsync(string id, string keyFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ssh-add")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(keyFile);
        start.Environment["SSH_AUTH_SOCK"] = Socket;

        // A passphrase would be asked through SSH_ASKPASS, which answers nothing: ssh-add then fails at once
        // rather than waiting on the terminal.
        start.Environment["SSH_ASKPASS"] = File.Exists("/bin/false") ? "/bin/false" : "/usr/bin/false";
        start.Environment["SSH_ASKPASS_REQUIRE"] = "force";
        start.Environment.Remove("DISPLAY");
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new EngineException($"ssh ({id}): {keyFile} is a key file and ssh-add cannot be run to load it: {exception.Message}", exception);
        }

        using var add = started ?? throw new EngineException($"ssh ({id}): ssh-add did not start");
        add.StandardInput.Close();
        var output = add.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = add.StandardError.ReadToEndAsync(cancellationToken);
        await add.WaitForExitAsync(cancellationToken);
        if (add.ExitCode != 0)
        {
            var reason = (await error).Trim().Split('\n').LastOrDefault(line => line.Trim().Length > 0)?.Trim();
            throw new EngineException($"ssh ({id}): ssh-add could not load {keyFile}: {(string.IsNullOrEmpty(reason) ? $"exit code {add.ExitCode}" : reason)} (a key with a passphrase must be added to your own agent: ssh-add it and use ssh: [{id}])");
        }

        await output;
    }
}
