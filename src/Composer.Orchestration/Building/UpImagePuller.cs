using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Model;
using Composer.Orchestration.Images;

namespace Composer.Orchestration.Building;

/// <summary>
/// The pull step of up: pulls the images of image-only services their pull_policy asks for. Every service is checked
/// before anything is pulled, so a missing image under pull_policy never fails up before the engine is changed.
/// Services with a build section, and image-only services naming an image another service builds, are left to the
/// build step: that image exists in no registry.
/// </summary>
internal sealed class UpImagePuller(OrchestrationContext context, RegistryCredentialStore credentials, TimeProvider time)
{
    /// <summary>Pulls what must be pulled (only lists it with <paramref name="dryRun"/>); <paramref name="pullOverride"/> is up --pull.</summary>
    public async Task<IReadOnlyList<ServiceImage>> PrepareAsync(
        Project project, IEnumerable<string> serviceNames, bool dryRun, string? pullOverride, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var toPull = new List<ServiceImage>();
        var problems = new List<string>();
        var builtImages = project.Services.Values
            .Where(service => service.Build is not null && service.Image is not null)
            .Select(service => service.Image!)
            .ToHashSet(StringComparer.Ordinal);
        var candidates = serviceNames.Select(name => project.Services[name])
            .Where(service => service.Build is null && service.Image is not null && !builtImages.Contains(service.Image))
            .ToList();

        // One question per image, all at once: twenty services on one image are one inspect, not twenty in a row.
        var localImages = (await Task.WhenAll(candidates.Select(service => service.Image!).Distinct(StringComparer.Ordinal)
                .Select(async image => (Image: image, Local: await context.Engine.Images.InspectAsync(image, cancellationToken)))))
            .ToDictionary(found => found.Image, found => found.Local, StringComparer.Ordinal);
        foreach (var service in candidates)
        {
            var policy = pullOverride is null ? PullPolicies.Of(service) : PullPolicy.Parse(pullOverride, service.Name);
            var local = localImages[service.Image!];
            if (policy.Kind is PullPolicyKind.Never or PullPolicyKind.Build && local is null)
            {
                problems.Add(policy.Kind == PullPolicyKind.Never
                    ? $"service \"{service.Name}\": image {service.Image} not found locally and pull_policy is never"
                    : $"service \"{service.Name}\": image {service.Image} not found locally and pull_policy is build, but the service has no build section");
            }
            else if (PullDecision.MustPull(policy, local, now))
            {
                toPull.Add(new ServiceImage(service.Name, service.Image!));
            }
        }

        if (problems.Count > 0)
        {
            throw new UnsupportedServiceException(problems);
        }

        if (!dryRun)
        {
            await new ImageTransfer(context, credentials).PullAsync(
                [.. toPull.DistinctBy(image => image.Image, StringComparer.Ordinal)], _ => false, cancellationToken);
        }

        return toPull;
    }
}
