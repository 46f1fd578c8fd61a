using System.Diagnostics;

namespace Composer.Engine.Tests.Support;

/// <summary>
/// An OpenSSH ssh-agent of the test's own (foreground, our child, in a temporary folder) and keys made with
/// ssh-keygen: one added to the agent, others left as files. Disposing kills the agent and removes the folder.
/// </summary>
internal sealed class TestSshAgent : IAsyncDisposable
{
    private readonly Process agent;

    private TestSshAgent(Process agent, string folder)
    {
        this.agent = agent;
        Folder = folder;
        Socket = Path.Combine(folder, "agent.sock");
    }

    public string Folder { get; }

    public string Socket { get; }

    public static async Task<TestSshAgent> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("composer-ssh-test-").FullName;
        var start = new ProcessStartInfo("ssh-agent") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-s", "-a", Path.Combine(folder, "agent.sock") })
        {
            start.ArgumentList.Add(argument);
        }

        var agent = new TestSshAgent(Process.Start(start)!, folder);

        // It prints its environment once the socket listens.
        Assert.NotNull(await agent.agent.StandardOutput.ReadLineAsync(cancellationToken));
        return agent;
    }

    /// <summary>Makes an ed25519 key without a passphrase; returns its private key file.</summary>
    public async Task<string> NewKeyAsync(string comment, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Folder, comment);
        await RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file], cancellationToken);
        return file;
    }

    public Task AddAsync(string keyFile, CancellationToken cancellationToken) => RunAsync("ssh-add", ["-q", keyFile], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!agent.HasExited)
        {
            agent.Kill();
            await agent.WaitForExitAsync(CancellationToken.None);
        }

        agent.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SSH_AUTH_SOCK"] = Socket;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
    }
}
