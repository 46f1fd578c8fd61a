namespace Composer.Model.Swarm;

/// <summary>A platform an image supports, as a registry lists it; the swarm places tasks only on nodes that match.</summary>
public sealed record SwarmImagePlatform(string Os, string Architecture);
