using Composer.Model;
using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>
/// <c>--resolve-image</c> as docker stack does it: a service's image is pinned to the digest its registry gives for
/// the tag (<c>name:tag@sha256:...</c>, with the image's platforms as placement platforms), so that every node runs
/// the same build; the label com.docker.stack.image keeps the name as written. Where nothing is asked, or the
/// registry cannot answer, a service whose image is unchanged keeps what it runs (so no update follows); a new or
/// changed one gets the name as written, with docker's warning when the registry was asked.
/// </summary>
public static class ImagePinning
{
    /// <summary>The images (as written) to ask the registry about, once each.</summary>
    public static IReadOnlyList<string> ToResolve(DesiredStack desired, ObservedStack observed, ResolveImageMode mode) =>
        [.. desired.Services
            .Where(service => mode == ResolveImageMode.Always
                || (mode == ResolveImageMode.Changed && !Unchanged(service.Spec, observed)))
            .Select(service => service.Spec.Container.Image)
            .Where(image => !image.Contains('@', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The desired stack with images pinned where <paramref name="resolved"/> has a digest (a null value: the
    /// registry was asked and could not answer), and a warning per image that could not be pinned.
    /// </summary>
    public static DesiredStack Apply(DesiredStack desired, ObservedStack observed, IReadOnlyDictionary<string, SwarmImageDigest?> resolved)
    {
        var warnings = new List<string>();
        var services = new List<StackService>();
        foreach (var service in desired.Services)
        {
            var spec = service.Spec;
            var image = spec.Container.Image;
            var current = observed.Services.FirstOrDefault(existing => existing.Name == spec.Name);
            if (resolved.GetValueOrDefault(image) is { } digest)
            {
                spec = Pinned(spec, WithDigest(image, digest.Digest), digest.Platforms.Count > 0 ? digest.Platforms : null);
            }
            else if (current is not null && Unchanged(spec, observed))
            {
                // What an earlier deploy resolved stays, so that nothing is updated for want of an answer.
                spec = Pinned(spec, current.Image, current.Platforms);
            }

            if (resolved.TryGetValue(image, out var answer) && answer is null && !warnings.Any(line => line.StartsWith($"image {image} ", StringComparison.Ordinal)))
            {
                warnings.Add($"image {image} could not be accessed on a registry to record its digest. Each node will access {image} independently, possibly leading to different nodes running different versions of the image");
            }

            services.Add(service with { Spec = spec });
        }

        return desired with { Services = services, Warnings = [.. desired.Warnings, .. warnings] };
    }

    /// <summary><c>name:tag@digest</c>; an image without a tag gets <c>latest</c> first, as the swarm client does.</summary>
    public static string WithDigest(string image, string digest)
    {
        var lastSlash = image.LastIndexOf('/');
        var tagged = image.IndexOf(':', lastSlash + 1) >= 0 ? image : image + ":latest";
        return $"{tagged}@{digest}";
    }

    /// <summary>The service runs, and the image as written is the one it was deployed with (com.docker.stack.image).</summary>
    private static bool Unchanged(SwarmServiceSpec spec, ObservedStack observed) =>
        observed.Services.FirstOrDefault(existing => existing.Name == spec.Name) is { } current
        && current.Labels.GetValueOrDefault(StackLabels.Image) == spec.Container.Image;

    private static SwarmServiceSpec Pinned(SwarmServiceSpec spec, string image, IReadOnlyList<SwarmImagePlatform>? platforms) => spec with
    {
        Container = spec.Container with { Image = image },
        Placement = platforms is null
            ? spec.Placement
            : (spec.Placement ?? new SwarmPlacement()) with { Platforms = platforms },
    };
}
