namespace Composer.Cli.Commands;

/// <summary>
/// The repeatable <c>-e</c> of exec and run: <c>KEY=VAL</c> as given, and a bare <c>KEY</c> takes its value from
/// where composer runs (and is left out when unset there), as docker compose does.
/// </summary>
internal static class EnvironmentArguments
{
    public static IReadOnlyList<string> Parse(IEnumerable<string> entries, IReadOnlyDictionary<string, string> environment)
    {
        var result = new List<string>();
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals == 0)
            {
                throw new UsageException($"-e {entry}: expected KEY=VALUE");
            }

            if (equals > 0)
            {
                result.Add(entry);
            }
            else if (environment.TryGetValue(entry, out var value))
            {
                result.Add($"{entry}={value}");
            }
        }

        return result;
    }

    /// <summary>run --env-from-file: KEY=VALUE lines of .env files (the loader's .env syntax), before the -e entries.</summary>
    public static IReadOnlyList<string> FromFiles(IEnumerable<string> files, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var result = new List<string>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, workingDirectory);
            if (!File.Exists(path))
            {
                throw new UsageException($"--env-from-file {file}: no such file");
            }

            var values = Composer.Loader.EnvFiles.DotEnvFile.Parse(File.ReadAllText(path), path, name => environment.GetValueOrDefault(name), out var problem);
            if (problem is not null)
            {
                throw new UsageException(problem);
            }

            result.AddRange(values.Select(pair => $"{pair.Key}={pair.Value}"));
        }

        return result;
    }
}
