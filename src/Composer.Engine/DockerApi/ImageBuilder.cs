using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>
/// Runs one build on the engine. The build endpoint reports a failed step inside the output stream rather than as
/// an HTTP error, so every message is checked for an error.
/// </summary>
internal sealed class ImageBuilder(DockerClient client, EngineCalls calls)
{
    public async Task BuildAsync(BuildRequest request, IBuildObserver? observer, CancellationToken cancellationToken)
    {
        var archivePath = Path.Combine(Path.GetTempPath(), $"composer-build-{Guid.NewGuid():N}.tar");
        await using var archive = new FileStream(archivePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        string dockerfile;
        try
        {
            dockerfile = BuildContextArchive.Write(archive, request.Context, request.Dockerfile, request.DockerfileInline);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or EngineException)
        {
            throw new EngineException($"service \"{request.ServiceName}\" failed to build: {exception.Message}", exception);
        }

        var parameters = BuildParametersTranslator.Translate(request, dockerfile);
        var tracker = new BuildOutputTracker(observer);
        // A blocking call: a build takes as long as it takes; retried only when the engine never saw it (and then
        // nothing of the context was read, but it is rewound anyway).
        await calls.BlockingAsync($"build the image of service {request.ServiceName}", token =>
        {
            archive.Position = 0;
            return client.Images.BuildImageFromDockerfileAsync(parameters, archive, [], new Dictionary<string, string>(), new CallbackProgress<JSONMessage>(tracker.Add), token);
        }, cancellationToken);

        if (tracker.Error is { } error)
        {
            var step = tracker.LastStep is { } lastStep ? $" at {lastStep}" : "";
            var tail = string.Concat(tracker.StepTail.Select(line => "\n  > " + line));
            throw new EngineException($"service \"{request.ServiceName}\" failed to build{step}: {error}{tail}");
        }
    }
}
