

namespace Composer.Cli.Commands;

/// <summary>Reads --build-arg KEY=VALUE; a bare KEY takes its value from the environment, and is dropped when unset.</summary>
internal static class BuildArguments
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=');
            var key = separator < 0 ? argument : argument[..separator];
            if (key.Length == 0)
            {
                throw new UsageException($"--build-arg {argument}: expected KEY=VALUE");
            }

            if (separator >= 0)
            {
                parsed[key] = argument[(separator + 1)..];
            }
            else if (environment.TryGetValue(key, out var value))
            {
                parsed[key] = value;
            }
        }

        return parsed;
    }
}
