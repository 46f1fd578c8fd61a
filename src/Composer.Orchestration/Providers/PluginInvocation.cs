namespace Composer.Orchestration.Providers;

/// <summary>An executable to run, its arguments (no shell in between) and its whole environment.</summary>
public sealed record PluginInvocation(string Path, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);
