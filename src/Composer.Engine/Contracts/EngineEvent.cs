namespace Composer.Engine.Contracts;

/// <summary>A container event: Action is e.g. start, die, health_status: healthy. Time is when the engine saw it.</summary>
public sealed record EngineEvent(string ContainerId, string Action, IReadOnlyDictionary<string, string> Attributes, DateTimeOffset? Time = null);
