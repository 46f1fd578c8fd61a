using Composer.Model;
using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;

namespace Composer.Loader;

/// <summary>
/// A project as one merged tree, before schema validation and binding: what <c>config --no-interpolate</c> prints
/// and what the later stages start from.
/// </summary>
public sealed record ComposeTree(
    MappingNode Root,
    string ProjectName,
    string WorkingDirectory,
    IReadOnlyList<string> ConfigFiles,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>Included and extended compose files and the included projects' env files (see <see cref="Project.SourceFiles"/>).</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];
}
