namespace Composer.Cli.Commands;

/// <summary>Repeatable KEY=VALUE options (run --label): a bare KEY gets an empty value, as docker's labels do.</summary>
internal static class KeyValueArguments
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> entries, string option)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Split('=', 2);
            if (parts[0].Length == 0)
            {
                throw new UsageException($"{option} {entry}: expected KEY=VALUE");
            }

            result[parts[0]] = parts.Length > 1 ? parts[1] : string.Empty;
        }

        return result;
    }
}
