using System.Text.Json;

namespace Composer.Loader.Tests.Conformance;

/// <summary>
/// The shared conformance corpus (compose files from compose-go's and docker/compose's tests) and the expectations
/// recorded for it. The corpus lives next to the repository: ../shared/conformance from the folder holding Composer.sln.
/// </summary>
internal static class ConformanceCorpus
{
    private const string SolutionFile = "Composer.sln";

    private static readonly Lazy<string> RepositoryRootPath = new(FindRepositoryRoot);

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceExpectation>> LoadedExpectations = new(LoadExpectations);

    public static string RepositoryRoot => RepositoryRootPath.Value;

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance"));

    public static string ExpectationsFile =>
        Path.Combine(RepositoryRoot, "tests", "Composer.Loader.Tests", "Conformance", "expectations.json");

    /// <summary>Keyed by the path relative to <see cref="Folder"/>, with forward slashes.</summary>
    public static IReadOnlyDictionary<string, ConformanceExpectation> Expectations => LoadedExpectations.Value;

    public static string FullPath(string relativePath) => Path.Combine(Folder, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static IReadOnlyList<string> FilesOnDisk()
    {
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"conformance corpus not found at {Folder}");
        }

        return Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => path != "README.md")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }

    private static IReadOnlyDictionary<string, ConformanceExpectation> LoadExpectations()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ExpectationsFile));
        var expectations = new SortedDictionary<string, ConformanceExpectation>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            // "$comment" and any other $-key document the file rather than describe a fixture.
            if (property.Name.StartsWith('$'))
            {
                continue;
            }

            expectations[property.Name] = property.Value.Deserialize<ConformanceExpectation>()
                ?? throw new InvalidDataException($"expectation for {property.Name} is null");
        }

        return expectations;
    }
}
