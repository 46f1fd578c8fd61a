namespace Composer.Planning.Observed;

/// <summary>A volume the engine has; <see cref="Key"/> is the compose key from its label, if any.</summary>
public sealed record ObservedVolume(string Name, string? Key);
