using System.Net.Sockets;
using Composer.Engine.Contracts;
using Composer.Orchestration.Observation;

namespace Composer.Cli.Tests.Engine;

/// <summary>
/// The registry:2 stand-in started by composer itself with its port published on 127.0.0.1 (any free port), for
/// real pushes and pulls. The engine treats 127.0.0.0/8 registries as insecure, so plain HTTP works.
/// </summary>
public sealed class PushPullRegistry : IAsyncLifetime
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private EngineProject? _project;

    public IEngine Engine { get; } = EngineFactory.Create(new EngineOptions());

    /// <summary>host:port, e.g. 127.0.0.1:32771.</summary>
    public string Host { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _project = new EngineProject("""
            services:
              registry:
                image: registry:2
                ports: ["127.0.0.1::5000"]
            """);
        var up = await _project.RunAsync("up", "-d");
        Assert.True(up.ExitCode == 0, up.Error);
        var containers = await Engine.ListContainersAsync(ProjectObserver.ProjectLabel(_project.Name), CancellationToken.None);
        var port = containers.Single().Ports.First(published => published.ContainerPort == 5000 && published.HostPort is not null).HostPort;
        Host = $"127.0.0.1:{port}";
        await WaitUntilAnsweringAsync();
    }

    /// <summary>The registry's tags of a repository, as its HTTP API lists them.</summary>
    public async Task<string> TagsAsync(string repository)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync($"http://{Host}/v2/{repository}/tags/list");
    }

    /// <summary>
    /// busybox:latest under a new name in this registry, pushed through the engine, then the local name removed
    /// again: an image that only a pull can bring back.
    /// </summary>
    public async Task<string> PublishBusyboxAsync(string repository)
    {
        var image = $"{Host}/{repository}{Guid.NewGuid().ToString("N")[..8]}/tool:1";
        await Engine.Images.TagAsync("busybox:latest", image, CancellationToken.None);
        await Engine.Images.PushAsync(image, null, null, CancellationToken.None);
        Assert.True(await Engine.Images.RemoveAsync(image, CancellationToken.None));
        Assert.Null(await Engine.Images.InspectAsync(image, CancellationToken.None));
        return image;
    }

    /// <summary>Asserts that the project has no container and no network on the engine.</summary>
    public async Task AssertNothingCreatedAsync(string projectName)
    {
        var labels = ProjectObserver.ProjectLabel(projectName);
        Assert.Empty(await Engine.ListContainersAsync(labels, CancellationToken.None));
        Assert.Empty(await Engine.ListNetworksAsync(labels, CancellationToken.None));
    }

    /// <summary>A 127.0.0.1 address where nothing listens: the port was free a moment ago and is closed again.</summary>
    public static string UnreachableHost()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_project is not null)
        {
            await _project.DisposeAsync();
        }

        Engine.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var limit = new CancellationTokenSource(StartLimit);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"http://{Host}/v2/", limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }
    }
}
