namespace Composer.Cli.Commands;

/// <summary>Parses SERVICE=N pairs as `up --scale` and `scale` take them.</summary>
internal static class ScaleArguments
{
    public static IReadOnlyDictionary<string, int> Parse(IEnumerable<string> pairs)
    {
        var scale = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(pair.AsSpan(separator + 1), out var count) || count < 0)
            {
                throw new UsageException($"'{pair}' is not SERVICE=N with N a number of containers (0 or more)");
            }

            scale[pair[..separator]] = count;
        }

        return scale;
    }
}
