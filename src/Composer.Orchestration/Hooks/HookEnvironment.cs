using Composer.Model;

namespace Composer.Orchestration.Hooks;

/// <summary>
/// The environment a hook's exec gets (post_start, pre_stop, the exec of a sync+exec watch rule): <c>KEY=VALUE</c> as
/// written, and a bare <c>KEY</c> takes its value from the project's environment (the variables interpolation saw,
/// .env included), else from Composer's own; a name set nowhere is left out, as it is for a service's environment.
/// </summary>
internal static class HookEnvironment
{
    public static List<string> Of(Project project, IReadOnlyDictionary<string, string?> variables) =>
        [.. variables
            .Select(pair => (pair.Key, Value: pair.Value ?? project.Environment.GetValueOrDefault(pair.Key) ?? System.Environment.GetEnvironmentVariable(pair.Key)))
            .Where(pair => pair.Value is not null)
            .Select(pair => $"{pair.Key}={pair.Value}")];
}
