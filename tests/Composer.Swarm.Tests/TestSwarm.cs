using System.Diagnostics;

namespace Composer.Swarm.Tests;

/// <summary>
/// The project's 3-node test swarm (scripts/swarm/setup.sh: one dockerd per network namespace, nothing changed on the
/// machine's own engine). Setting it up is idempotent, so every test class may ask for it; it is left running for the
/// next run (scripts/swarm/teardown.sh removes it).
/// </summary>
public sealed class TestSwarm : IAsyncLifetime
{
    public const string Directory = "/tmp/composer-swarm";
    public const string Hub = "swhub";

    public static string Socket(int node) => $"unix://{Directory}/n{node}/docker.sock";

    public static string Manager => Socket(1);

    /// <summary>A node's address on the hub bridge, where its host-mode ports answer.</summary>
    public static string Address(int node) => $"192.168.240.{node}";

    /// <summary>The registry setup.sh runs on the manager (SWARM_REGISTRY=1); every node trusts and pulls from it.</summary>
    public const string Registry = "192.168.240.1:5000";

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        var setup = await Processes.RunAsync("bash", [Path.Combine(RepositoryRoot, "scripts/swarm/setup.sh")],
            new Dictionary<string, string> { ["NODES"] = "3", ["SWARM_REGISTRY"] = "1" }, TimeSpan.FromMinutes(5));
        Assert.True(setup.ExitCode == 0, "scripts/swarm/setup.sh failed:\n" + setup.Output + setup.Error);
        // Node labels for the placement tests.
        var label = await Docker.RunAsync(Manager, "node", "update", "--label-add", "zone=b", "swn2");
        Assert.True(label.ExitCode == 0, label.Error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string FindRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Composer.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("Composer.sln not found above the test folder");
        }

        return folder;
    }
}

[CollectionDefinition(Name)]
public sealed class SwarmCollection : ICollectionFixture<TestSwarm>
{
    public const string Name = "swarm";
}
