using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Examples.Tests.Support;

/// <summary>
/// A copy of one folder of examples/ (so that tests may edit its files) run under a project name of its own.
/// Disposing runs `down -v` and then removes by label whatever the project still left on the engine.
/// </summary>
internal sealed class ExampleStack : IAsyncDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(4);

    private ExampleStack(string example)
    {
        ProjectName = $"ex{example.Replace("-", "", StringComparison.Ordinal)}{Guid.NewGuid().ToString("N")[..8]}";
        Directory = Path.Combine(Path.GetTempPath(), "composer-example-" + ProjectName);
        CopyFolder(RepositoryFolder.Example(example), Directory);
    }

    public string ProjectName { get; }

    public string Directory { get; }

    public IEngine Engine { get; } = EngineFactory.Create(new EngineOptions());

    public static ExampleStack Copy(string example) => new(example);

    /// <summary>Runs composer in the example's folder with this project's name; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var cli = CliProcess.Start(Directory, ["-p", ProjectName, "--progress", "plain", .. arguments]);
        var exitCode = await cli.WaitForExitAsync(CommandLimit);
        return (exitCode, cli.Output, cli.Error);
    }

    /// <summary>Runs composer and fails the test, showing what it printed, unless it exits 0.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(arguments);
        Assert.True(exitCode == 0, $"composer {string.Join(' ', arguments)} exited {exitCode}\nstdout:\n{output}\nstderr:\n{error}");
        return output;
    }

    /// <summary>A port the example's .env sets, so that tests and the example's defaults never drift apart.</summary>
    public int PortFromEnvFile(string variable)
    {
        var line = File.ReadLines(Path.Combine(Directory, ".env")).Single(line => line.StartsWith(variable + "=", StringComparison.Ordinal));
        return int.Parse(line[(variable.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void WriteFile(string relativePath, string text) => File.WriteAllText(Path.Combine(Directory, relativePath), text);

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public async Task<IReadOnlyList<ContainerSummary>> ContainersAsync(string? service = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var labels = ProjectLabel();
        if (service is not null)
        {
            labels[ComposeLabels.Service] = service;
        }

        return await Engine.ListContainersAsync(labels, timeout.Token);
    }

    /// <summary>What the project has on the engine: containers, networks and volumes carrying its label.</summary>
    public async Task<ProjectResources> ResourcesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var label = ProjectLabel();
        var containers = await Engine.ListContainersAsync(label, timeout.Token);
        var networks = await Engine.ListNetworksAsync(label, timeout.Token);
        var volumes = await Engine.ListVolumesAsync(label, timeout.Token);
        return new ProjectResources(
            [.. containers.Select(container => container.Name)],
            [.. networks.Select(network => network.Name)],
            [.. volumes.Select(volume => volume.Name)]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // --rmi local: the images the example built under the test's project name go too.
            await RunAsync("down", "-v", "--rmi", "local", "-t", "1");
        }
        catch (TimeoutException)
        {
            // The label sweep below removes what a hung down left.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var label = ProjectLabel();
        foreach (var container in await Engine.ListContainersAsync(label, timeout.Token))
        {
            await Engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, timeout.Token);
        }

        foreach (var network in await Engine.ListNetworksAsync(label, timeout.Token))
        {
            await Engine.RemoveNetworkAsync(network.Id, timeout.Token);
        }

        foreach (var volume in await Engine.ListVolumesAsync(label, timeout.Token))
        {
            await Engine.RemoveVolumeAsync(volume.Name, timeout.Token);
        }

        Engine.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private Dictionary<string, string?> ProjectLabel() =>
        new(StringComparer.Ordinal) { [ComposeLabels.Project] = ProjectName };

    private static void CopyFolder(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(source))
        {
            // Bytecode caches from running the scripts on the host are not part of the example.
            if (Path.GetFileName(folder) != "__pycache__")
            {
                CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
            }
        }
    }
}
