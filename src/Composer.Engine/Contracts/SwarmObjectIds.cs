namespace Composer.Engine.Contracts;

/// <summary>The ids of secrets and configs by name, which service specs must carry besides the names.</summary>
public sealed record SwarmObjectIds(IReadOnlyDictionary<string, string> Secrets, IReadOnlyDictionary<string, string> Configs);
