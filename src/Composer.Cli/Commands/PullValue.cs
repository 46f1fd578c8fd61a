namespace Composer.Cli.Commands;

/// <summary>The --pull value of up, run and create: a pull_policy for this command, or null for "policy" (each service's own).</summary>
internal static class PullValue
{
    public static string? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "policy" => null,
        "always" or "missing" or "never" => value.ToLowerInvariant(),
        _ => throw new UsageException($"--pull must be one of always, missing, never, policy (got '{value}')"),
    };
}
