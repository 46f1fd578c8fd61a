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
        if (options.WithDependencies)
        {
            selected = DependencyClosure(project, selected);
        }

        // An image another build uses as a context is built first, so it belongs to the set.
        var services = BuildRequests.OnePerImage(project, WithContextServices(project, selected, _ => true));
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

        // A context service is built too when its image is missing (or everything is rebuilt).
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in toBuild.SelectMany(BuildFeatures.ServiceContexts).Distinct(StringComparer.Ordinal))
        {
            if (rebuild || !await context.Engine.ImageExistsAsync(ImageNames.For(project, project.Services[name]), cancellationToken))
            {
                missing.Add(name);
            }
        }

        var services = BuildRequests.OnePerImage(project, WithContextServices(project, toBuild, service => missing.Contains(service.Name)));
        return services;
    }

    private async Task<IReadOnlyDictionary<string, string>> BuildServicesAsync(Project project, IReadOnlyList<Service> services, BuildOptions options, CancellationToken cancellationToken)
    {
        var built = new Dictionary<string, string>(StringComparer.Ordinal);
        if (services.Count == 0)
        {
            return built;
        }

        var builder = await context.Engine.BuilderAsync(cancellationToken);
        var problems = services.SelectMany(service => BuildFeatures.Problems(project, service, builder).Select(problem => $"service \"{service.Name}\": build {problem}")).ToList();
        if (problems.Count > 0)
        {
            throw new UnsupportedServiceException(problems);
        }

        foreach (var warning in services.Select(BuildFeatures.SkippedCacheWarning).OfType<string>())
        {
            context.Progress.Warn(warning);
        }

        using var slots = new SemaphoreSlim(Math.Max(1, context.ParallelLimit));
        var byName = services.ToDictionary(service => service.Name, StringComparer.Ordinal);
        var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        Task BuildInOrder(Service service)
        {
            if (!tasks.TryGetValue(service.Name, out var task))
            {
                // A build whose additional context is another service's image waits for that build.
                var first = BuildFeatures.ServiceContexts(service).Where(byName.ContainsKey).Select(name => BuildInOrder(byName[name])).ToList();
                task = tasks[service.Name] = BuildAfterAsync(first, service);
            }

            return task;
        }

        async Task BuildAfterAsync(IReadOnlyList<Task> first, Service service)
        {
            await Task.WhenAll(first);
            await slots.WaitAsync(cancellationToken);
            try
            {
                var imageId = await BuildOneAsync(project, service, builder, options, cancellationToken);
                lock (built)
                {
                    built[service.Name] = imageId;
                }
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(services.Select(BuildInOrder).ToList());
        return built;
    }

    private async Task<string> BuildOneAsync(Project project, Service service, BuilderInfo builder, BuildOptions options, CancellationToken cancellationToken)
    {
        var request = BuildRequests.For(project, service, options.Overrides);
        if (builder.BuildKit)
        {
            request = BuildFeatures.Apply(request, project, service);
        }

        var clock = Stopwatch.StartNew();
        context.Progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Building", ProgressState.Working, TimeSpan.Zero));
        var observer = new BuildProgressReporter(context.Progress, options.Output ?? context.BuildOutput, service.Name, TimeProvider.System);
        try
        {
            var imageId = await context.Engine.BuildImageAsync(request, observer, cancellationToken);
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Built", ProgressState.Done, clock.Elapsed));
            return imageId;
        }
        catch (EngineException)
        {
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }
    }

    private static IEnumerable<Service> WithContextServices(Project project, IEnumerable<Service> services, Func<Service, bool> include)
    {
        var result = new Dictionary<string, Service>(StringComparer.Ordinal);
        var pending = new Stack<Service>(services);
        var initial = pending.Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        while (pending.TryPop(out var service))
        {
            if (!result.TryAdd(service.Name, service))
            {
                continue;
            }

            foreach (var name in BuildFeatures.ServiceContexts(service))
            {
                if (project.Services.TryGetValue(name, out var referenced) && referenced.Build is not null && (initial.Contains(name) || include(referenced)))
                {
                    pending.Push(referenced);
                }
            }
        }

        return result.Values;
    }

    private static IEnumerable<Service> DependencyClosure(Project project, IEnumerable<Service> services)
    {
        var result = new Dictionary<string, Service>(StringComparer.Ordinal);
        var pending = new Stack<Service>(services);
        while (pending.TryPop(out var service))
        {
            if (result.TryAdd(service.Name, service))
            {
                foreach (var dependency in service.DependsOn.Keys.Where(project.Services.ContainsKey))
                {
                    pending.Push(project.Services[dependency]);
                }
            }
        }

        return result.Values;
    }
}
