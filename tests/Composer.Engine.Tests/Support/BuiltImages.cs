using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Support;

/// <summary>The images a build test made: run one to look inside, and remove them all afterwards.</summary>
internal sealed class BuiltImages(DockerClient docker) : IAsyncDisposable
{
    private readonly HashSet<string> images = [];

    public void Add(string image)
    {
        lock (images)
        {
            images.Add(image);
        }
    }

    /// <summary>Runs the command in a container of the image (no network) and returns its exit code and output.</summary>
    public async Task<(long ExitCode, string Output)> RunAsync(string image, CancellationToken cancellationToken, params string[] command)
    {
        Add(image);
        var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            Cmd = command,
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, cancellationToken);
        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken);
            var result = await docker.Containers.WaitContainerAsync(created.ID, cancellationToken);
            using var logs = await docker.Containers.GetContainerLogsAsync(created.ID, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken);
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(cancellationToken);
            return (result.StatusCode, stdout + stderr);
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var image in images)
        {
            try
            {
                await docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (DockerApiException)
            {
                // Already gone with an earlier tag of the same image.
            }
        }
    }
}
