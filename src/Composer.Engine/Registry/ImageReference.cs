namespace Composer.Engine.Registry;

/// <summary>
/// Where an image name points: the registry host ("docker.io" when the name has none), the repository and the tag.
/// Follows the engine's rule that the first path part is a registry only if it has a '.' or ':' or is localhost.
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string Tag)
{
    public const string DockerHub = "docker.io";

    /// <summary>The key Docker Hub's credentials have in config.json.</summary>
    public const string DockerHubConfigKey = "https://index.docker.io/v1/";

    /// <summary>The host the engine really talks to, for messages.</summary>
    public string RegistryHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>The name without tag, as given (no docker.io/library/ added), for tag and push calls.</summary>
    public string Name { get; init; } = Repository;

    public static ImageReference Parse(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var lastColon = withoutDigest.LastIndexOf(':');
        var name = lastColon > lastSlash ? withoutDigest[..lastColon] : withoutDigest;
        var tag = lastColon > lastSlash ? withoutDigest[(lastColon + 1)..] : "latest";
        var firstSlash = name.IndexOf('/');
        if (firstSlash > 0 && IsRegistryHost(name[..firstSlash]))
        {
            return new ImageReference(name[..firstSlash], name[(firstSlash + 1)..], tag) { Name = name };
        }

        return new ImageReference(DockerHub, name, tag) { Name = name };
    }

    private static bool IsRegistryHost(string part) =>
        part.Contains('.') || part.Contains(':') || part == "localhost";
}
