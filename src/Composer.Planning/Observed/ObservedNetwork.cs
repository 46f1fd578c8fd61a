namespace Composer.Planning.Observed;

/// <summary>A network the engine has; <see cref="Key"/> is the compose key from its label, if any.</summary>
public sealed record ObservedNetwork(string Id, string Name, string? Key);
