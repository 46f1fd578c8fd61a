using System.Diagnostics;
using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Images;

/// <summary>
/// Pulls or pushes several services' images at once (bounded by the parallel limit), with one progress line per
/// service and, under it, one per layer (which renderers that print a line per image leave out). A failure that may be ignored becomes a warning; the first other failure is rethrown.
/// </summary>
internal sealed class ImageTransfer(OrchestrationContext context, RegistryCredentialStore credentials)
{
    public Task PullAsync(IReadOnlyList<ServiceImage> images, Func<ServiceImage, bool> mayFail, CancellationToken cancellationToken) =>
        RunAsync(images, mayFail, "Pulling", "Pulled", (image, token) =>
            context.Engine.Images.PullAsync(image.Image, credentials.For(image.Image), new LayerProgress(image.Service, context.Progress), token), cancellationToken);

    public Task PushAsync(IReadOnlyList<ServiceImage> images, Func<ServiceImage, bool> mayFail, CancellationToken cancellationToken) =>
        RunAsync(images, mayFail, "Pushing", "Pushed", (image, token) =>
            context.Engine.Images.PushAsync(image.Image, credentials.For(image.Image), new LayerProgress(image.Service, context.Progress), token), cancellationToken);

    private async Task RunAsync(
        IReadOnlyList<ServiceImage> images, Func<ServiceImage, bool> mayFail, string working, string done,
        Func<ServiceImage, CancellationToken, Task> transfer, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, context.ParallelLimit));
        var runs = images.Select(async image =>
        {
            await slots.WaitAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            try
            {
                context.Progress.Report(new ProgressEvent(ResourceKind.Service, image.Service, working, ProgressState.Working, TimeSpan.Zero));
                await transfer(image, cancellationToken);
                context.Progress.Report(new ProgressEvent(ResourceKind.Service, image.Service, done, ProgressState.Done, clock.Elapsed));
            }
            catch (EngineException failure)
            {
                context.Progress.Report(new ProgressEvent(ResourceKind.Service, image.Service, "Error", ProgressState.Error, clock.Elapsed));
                // The engine's line names the image; several services may be transferring, so say whose it is.
                var message = $"service \"{image.Service}\": {failure.Message}";
                if (!mayFail(image))
                {
                    throw new EngineException(message, failure);
                }

                context.Progress.Warn(message);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(runs);
    }
}
