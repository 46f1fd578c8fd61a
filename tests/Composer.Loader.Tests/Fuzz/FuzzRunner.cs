using Composer.Loader.Diagnostics;
using Composer.Loader.Writing;

namespace Composer.Loader.Tests.Fuzz;

/// <summary>
/// Runs one case the way <c>composer config</c> does (discover the .env, load, bind, validate, print YAML and JSON)
/// in a folder of its own, and classifies the result. Shared by the CI property test and the long-form fuzz program.
/// </summary>
internal sealed class FuzzRunner(string folder)
{
    // Errors about a file as a whole, for which the file's name is the whole location.
    private static readonly string[] FileLevelMessages =
        ["not found", "cannot read", "is a directory", "empty compose file", "is larger than", "invalid project name", "no such service"];

    public (FuzzOutcome Outcome, string Detail) Run(FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder))
        {
            File.Delete(stale);
        }

        var compose = Write("compose.yaml", fuzzCase.Compose);
        IReadOnlyList<string> files = fuzzCase.Override is null ? [compose] : [compose, Write("compose.override.yaml", fuzzCase.Override)];
        if (fuzzCase.DotEnv is not null)
        {
            Write(".env", fuzzCase.DotEnv);
        }

        var options = new LoadOptions
        {
            ConfigFiles = files,
            WorkingDirectory = folder,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PORT"] = "8080", ["TAG"] = "1" },
            Profiles = ["*"],
        };

        try
        {
            var result = ProjectLoader.LoadAsync(options, cancellationToken).GetAwaiter().GetResult();
            _ = ProjectWriter.ToYaml(result.Project);
            _ = ProjectWriter.ToJson(result.Project);
            return (FuzzOutcome.Loaded, string.Empty);
        }
        catch (LoadException failure)
        {
            return Classify(failure.Diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (FuzzOutcome.Internal, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static (FuzzOutcome Outcome, string Detail) Classify(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Message.StartsWith("unexpected problem", StringComparison.Ordinal))
            {
                return (FuzzOutcome.Internal, diagnostic.ToString());
            }

            var fileLevel = FileLevelMessages.Any(text => diagnostic.Message.Contains(text, StringComparison.Ordinal));
            if (string.IsNullOrEmpty(diagnostic.Mark.File) && !fileLevel || diagnostic.Mark.Line <= 0 && !fileLevel || string.IsNullOrWhiteSpace(diagnostic.Message))
            {
                return (FuzzOutcome.Unlocated, diagnostic.ToString());
            }
        }

        return (FuzzOutcome.Rejected, diagnostics.Count > 0 ? diagnostics[0].ToString() : string.Empty);
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
