using Composer.Loader.Diagnostics;
using Composer.Loader.Discovery;
using Composer.Loader.EnvFiles;
using Composer.Loader.Extends;
using Composer.Loader.Include;
using Composer.Loader.Interpolation;
using Composer.Loader.IO;
using Composer.Loader.Limits;
using Composer.Loader.Merge;
using Composer.Loader.Parsing;
using Composer.Loader.Paths;
using Composer.Loader.Tree;

namespace Composer.Loader.Pipeline;

/// <summary>
/// Turns a list of compose files into one merged tree: each file is read, interpolated and has its includes folded
/// in; then the files merge in order, <c>extends</c> is resolved and merge tags are cleaned away.
/// Included projects go through the same steps with their own folder and variables.
/// </summary>
internal sealed class ProjectTreeBuilder(
    DiagnosticBag diagnostics,
    bool interpolate,
    IReadOnlyDictionary<string, string> processEnvironment,
    TextReader? standardInput,
    string workingDirectory)
{
    /// <summary>The name marks carry for a file read from standard input.</summary>
    public const string StandardInputDisplayName = "<stdin>";

    private readonly Dictionary<string, MappingNode?> _extendedFiles = new(StringComparer.Ordinal);
    private readonly IncludeResolver _includeResolver = new(diagnostics);
    private readonly HashSet<string> _reportedUnsetVariables = new(StringComparer.Ordinal);
    private readonly SubstitutionBudget _substitutionBudget = new();
    private readonly SortedSet<string> _sourceFiles = new(StringComparer.Ordinal);

    /// <summary>
    /// The files read besides the ones <see cref="BuildAsync"/> was given: included compose files and the env files
    /// of their projects, and extended files (an edit of any of them changes the project, so watch follows them).
    /// </summary>
    public IReadOnlyList<string> SourceFiles => [.. _sourceFiles];

    public async Task<MappingNode?> BuildAsync(
        IReadOnlyList<string> files,
        IReadOnlyDictionary<string, string> variables,
        IReadOnlyList<string> includeChain,
        CancellationToken cancellationToken)
    {
        var interpolator = new Interpolator(variables, diagnostics, _reportedUnsetVariables, _substitutionBudget);
        MappingNode? merged = null;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = await ReadFileAsync(file, interpolator, cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            root = await ApplyIncludesAsync(root, FileDirectory(file), [.. includeChain, DisplayName(file)], cancellationToken).ConfigureAwait(false);
            merged = merged is null ? root : TreeMerger.Merge(merged, root);
        }

        if (merged is null)
        {
            return null;
        }

        var extendsResolver = new ExtendsResolver(path => ReadExtendedFile(path, interpolator), diagnostics);
        merged = extendsResolver.Resolve(merged, Path.Combine(FileDirectory(files[0]), Path.GetFileName(DisplayName(files[0]))));
        return MergeTagCleaner.Clean(merged);
    }

    private async Task<MappingNode> ApplyIncludesAsync(MappingNode root, string fileDirectory, IReadOnlyList<string> chain, CancellationToken cancellationToken)
    {
        var requests = _includeResolver.ReadRequests(root, fileDirectory);
        if (requests.Count == 0)
        {
            return root.ContainsKey("include") ? WithoutInclude(root) : root;
        }

        foreach (var request in requests)
        {
            var repeated = request.Files.FirstOrDefault(chain.Contains);
            if (repeated is not null)
            {
                diagnostics.Error(request.Mark, request.Path, "include cycle: " + string.Join(" -> ", chain.Append(repeated)));
                continue;
            }

            var missing = request.Files.FirstOrDefault(file => !File.Exists(file));
            if (missing is not null)
            {
                diagnostics.Error(request.Mark, request.Path, $"included file {missing} not found");
                continue;
            }

            _sourceFiles.UnionWith(request.Files);
            _sourceFiles.UnionWith(request.EnvFiles.Count > 0 ? request.EnvFiles : [Path.Combine(request.ProjectDirectory, ".env")]);
            var variables = await EnvironmentResolver
                .ResolveAsync(processEnvironment, request.EnvFiles, request.ProjectDirectory, diagnostics, cancellationToken)
                .ConfigureAwait(false);
            var included = await BuildAsync(request.Files, variables, chain, cancellationToken).ConfigureAwait(false);
            if (included is null)
            {
                continue;
            }

            included = RelativePathResolver.ResolveProject(included, request.ProjectDirectory);
            root = _includeResolver.MergeIncluded(root, included, request);
        }

        return WithoutInclude(root);
    }

    private async Task<MappingNode?> ReadFileAsync(string file, Interpolator interpolator, CancellationToken cancellationToken)
    {
        string? text;
        if (file == ComposeFileLocator.StandardInputName)
        {
            if (standardInput is null)
            {
                diagnostics.Error(new Mark(StandardInputDisplayName, 0, 0), string.Empty, "-f - was given but there is no standard input to read");
                return null;
            }

            text = await TextFileReader
                .ReadAsync(standardInput, StandardInputDisplayName, "compose file", InputLimits.MaxComposeFileBytes, diagnostics, cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            text = await TextFileReader.ReadAsync(file, "compose file", InputLimits.MaxComposeFileBytes, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        return text is null ? null : ParseAndInterpolate(text, DisplayName(file), interpolator);
    }

    private MappingNode? ReadExtendedFile(string path, Interpolator interpolator)
    {
        if (_extendedFiles.TryGetValue(path, out var cached))
        {
            return cached;
        }

        _sourceFiles.Add(path);
        var text = TextFileReader.Read(path, "extended file", InputLimits.MaxComposeFileBytes, diagnostics);
        return _extendedFiles[path] = text is null ? null : ParseAndInterpolate(text, path, interpolator);
    }

    private MappingNode? ParseAndInterpolate(string text, string displayName, Interpolator interpolator)
    {
        // A file the reader found broken (duplicate keys, NUL characters, ...) goes no further: its values could
        // make the include, extends and path stages fail in ways that say less than the reader already said.
        var fileDiagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(text, displayName, fileDiagnostics);
        foreach (var diagnostic in fileDiagnostics.Items)
        {
            diagnostics.Add(diagnostic);
        }

        if (fileDiagnostics.HasErrors)
        {
            return null;
        }

        if (root is null || !interpolate)
        {
            return root;
        }

        return interpolator.Interpolate(root);
    }

    private static MappingNode WithoutInclude(MappingNode root) =>
        new(root.Entries.Where(entry => entry.Key != "include").ToArray(), root.Mark, root.Tag);

    private string FileDirectory(string file) =>
        file == ComposeFileLocator.StandardInputName ? workingDirectory : Path.GetDirectoryName(file)!;

    private static string DisplayName(string file) =>
        file == ComposeFileLocator.StandardInputName ? StandardInputDisplayName : file;
}
