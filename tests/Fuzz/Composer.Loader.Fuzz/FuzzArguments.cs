using System.Globalization;

namespace Composer.Loader.Fuzz;

/// <summary>The options shared by the driver and the worker.</summary>
internal sealed record FuzzArguments(long From, long To, string Corpus, string FailuresFile, int Workers, long Chunk, TimeSpan ProgressEvery)
{
    public static FuzzArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            values[args[index]] = args[index + 1];
        }

        var from = long.Parse(values.GetValueOrDefault("--from", "0"), CultureInfo.InvariantCulture);
        var to = values.TryGetValue("--to", out var end)
            ? long.Parse(end, CultureInfo.InvariantCulture)
            : from + long.Parse(values.GetValueOrDefault("--cases", "20000"), CultureInfo.InvariantCulture);
        return new FuzzArguments(
            from,
            to,
            values.GetValueOrDefault("--corpus", Path.GetFullPath("../shared/conformance")),
            values.GetValueOrDefault("--failures", "fuzz-failures.txt"),
            Math.Max(1, int.Parse(values.GetValueOrDefault("--workers", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture)),
            Math.Max(1, long.Parse(values.GetValueOrDefault("--chunk", "10000"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(Math.Max(1, int.Parse(values.GetValueOrDefault("--progress", "60"), CultureInfo.InvariantCulture))));
    }
}
