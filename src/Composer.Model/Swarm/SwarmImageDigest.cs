namespace Composer.Model.Swarm;

/// <summary>What a registry says of an image's tag (the engine's <c>GET /distribution/{name}/json</c>).</summary>
public sealed record SwarmImageDigest(string Digest, IReadOnlyList<SwarmImagePlatform> Platforms);
