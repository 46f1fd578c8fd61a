using System.Diagnostics;
using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Engine.Validation;
using Composer.Model;
using Composer.Orchestration.Building;
using Composer.Orchestration.Images;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Services;

/// <summary><c>build</c>: builds the images of services that have a build section, several at once.</summary>
public sealed class BuildService(OrchestrationContext context)
{
    /// <summary>Builds the selected services' images; returns the new image id per built service.</summary>
    public async Task<IReadOnlyDictionary<string, string>> BuildAsync(Project project, BuildOptions options, CancellationToken cancellationToken)
    {
        var selected = options.Services.Count == 0
            ? project.Services.Values
            : options.Services.Select(name => project.Services[name]);
        var services = BuildRequests.OnePerImage(project, selected);
        ServiceSupportValidator.ThrowIfUnsupported(project, services.Select(service => service.Name));
        return await BuildServicesAsync(project, services, options, cancellationToken);
    }

    /// <summary>
    /// For up: builds the images of services with a build section whose image is missing or whose pull_policy is
    /// build, or all of them when <paramref name="rebuild"/>; returns the new image id per built service.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> BuildMissingAsync(Project project, IEnumerable<string> serviceNames, bool rebuild, CancellationToken cancellationToken) =>
        await BuildServicesAsync(project, await ToBuildAsync(project, serviceNames, rebuild, cancellationToken), new BuildOptions(), cancellationToken);

    /// <summary>The services (one per image) <see cref="BuildMissingAsync"/> would build: what --dry-run shows.</summary>
    public async Task<IReadOnlyList<Service>> ToBuildAsync(Project project, IEnumerable<string> serviceNames, bool rebuild, CancellationToken cancellationToken)
    {
        var candidates = BuildRequests.OnePerImage(project, serviceNames.Select(name => project.Services[name]));
        var toBuild = new List<Service>();
        foreach (var service in candidates)
        {
            if (BuildDecision.MustBuild(PullPolicies.Of(service), rebuild, await context.Engine.ImageExistsAsync(ImageNames.For(project, service), cancellationToken)))
            {
                toBuild.Add(service);
            }
        }

        return toBuild;
    }

    private async Task<IReadOnlyDictionary<string, string>> BuildServicesAsync(Project project, IReadOnlyList<Service> services, BuildOptions options, CancellationToken cancellationToken)
    {
        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(Math.Max(1, context.ParallelLimit));
        var builds = services.Select(async service =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var imageId = await BuildOneAsync(project, service, options, cancellationToken);
                lock (built)
                {
                    built[service.Name] = imageId;
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(builds);
        return built;
    }

    private async Task<string> BuildOneAsync(Project project, Service service, BuildOptions options, CancellationToken cancellationToken)
    {
        var request = BuildRequests.For(project, service, options.Overrides);
        var clock = Stopwatch.StartNew();
        context.Progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Building", ProgressState.Working, TimeSpan.Zero));
        IProgress<string>? lines = options.Output is { } sink ? new LineForwarder(sink, service.Name) : null;
        try
        {
            var imageId = await context.Engine.BuildImageAsync(request, lines, cancellationToken);
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Built", ProgressState.Done, clock.Elapsed));
            return imageId;
        }
        catch (EngineException)
        {
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }
    }
}
