namespace Composer.Loader.Pipeline;

/// <summary>What the binder needs besides the merged tree (mirrors the binder's own BindContext).</summary>
internal sealed record ProjectBindingContext(
    string ProjectName,
    string WorkingDirectory,
    IReadOnlyList<string> ConfigFiles,
    IReadOnlyDictionary<string, string> Environment);
