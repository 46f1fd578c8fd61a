using System.Diagnostics;
using Composer.Engine.Contracts;

namespace Composer.Faults.Tests.Support;

/// <summary>
/// A dockerd of the suite's own, in a network namespace of its own (scripts/swarm/setup.sh with SWARM_INIT=0 and the
/// fault prefix and subnet), which trials may kill and restart. The machine's own engine is never touched. It is
/// torn down at the end unless FAULTS_KEEP_ENGINE=1.
/// </summary>
public sealed class FaultEngine : IDisposable
{
    public const string Directory = "/tmp/composer-faults";
    private static readonly string PidFile = Path.Combine(Directory, "n1", "pid");

    public FaultEngine()
    {
        RunScript("setup.sh");
        Client = EngineFactory.Create(new EngineOptions { Endpoint = new Uri(Host) });
    }

    public static string Host => $"unix://{Directory}/n1/docker.sock";

    /// <summary>busybox:local is loaded into it by setup.sh.</summary>
    public static string Image => "busybox:local";

    internal IEngine Client { get; }

    /// <summary>What composer processes get so that they talk to this engine.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string> { ["DOCKER_HOST"] = Host };

    /// <summary>Sends the signal to this engine's dockerd (its pid file, nothing else) and waits until it is gone.</summary>
    public async Task KillAsync(string signal)
    {
        var pid = int.Parse(File.ReadAllText(PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Run("kill", "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        while (System.IO.Directory.Exists($"/proc/{pid}") && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Starts the dockerd again (setup.sh starts what is not running).</summary>
    public void Restart() => RunScript("setup.sh");

    public void Dispose()
    {
        Client.Dispose();
        if (System.Environment.GetEnvironmentVariable("FAULTS_KEEP_ENGINE") != "1")
        {
            RunScript("teardown.sh");
        }
    }

    private static void RunScript(string script)
    {
        var path = Path.Combine(RepositoryRoot(), "scripts", "swarm", script);
        Run("bash", path);
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SWARM_DIR"] = Directory;
        start.Environment["SWARM_PREFIX"] = "fi";
        start.Environment["SWARM_NET"] = "192.168.241";
        start.Environment["NODES"] = "1";
        start.Environment["SWARM_INIT"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error}");
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Composer.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("no Composer.sln above the test output");
    }
}
