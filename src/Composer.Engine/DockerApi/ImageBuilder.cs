using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Engine.Errors;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>
/// Runs one build on the engine. The build endpoint reports a failed step inside the output stream rather than as
/// an HTTP error, so every message is checked for an error.
/// </summary>
internal sealed class ImageBuilder(DockerClient client, string endpoint)
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

        archive.Position = 0;
        var parameters = BuildParametersTranslator.Translate(request, dockerfile);
        var tracker = new BuildOutputTracker(observer);
        try
        {
            await client.Images.BuildImageFromDockerfileAsync(parameters, archive, [], new Dictionary<string, string>(), new CallbackProgress<JSONMessage>(tracker.Add), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw EngineErrorTranslator.Translate(exception, $"build the image of service {request.ServiceName}", endpoint);
        }

        if (tracker.Error is { } error)
        {
            var step = tracker.LastStep is { } lastStep ? $" at {lastStep}" : "";
            var tail = string.Concat(tracker.StepTail.Select(line => "\n  > " + line));
            throw new EngineException($"service \"{request.ServiceName}\" failed to build{step}: {error}{tail}");
        }
    }
}
