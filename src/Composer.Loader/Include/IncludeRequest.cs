using Composer.Loader.Tree;

namespace Composer.Loader.Include;

/// <summary>One <c>include</c> entry with its paths made absolute against the including file's folder.</summary>
internal sealed record IncludeRequest(
    IReadOnlyList<string> Files,
    string ProjectDirectory,
    IReadOnlyList<string> EnvFiles,
    Mark Mark,
    string Path);
