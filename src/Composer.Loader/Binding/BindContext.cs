namespace Composer.Loader.Binding;

/// <summary>What the binder needs besides the merged tree: naming and the folder relative paths resolve against.</summary>
/// <param name="ProjectName">Already normalized project name; prefixes resource names.</param>
/// <param name="WorkingDirectory">Absolute project folder.</param>
/// <param name="ConfigFiles">The compose files that were loaded, for the model.</param>
/// <param name="Environment">Variables interpolation saw; HOME comes from here to expand <c>~</c>.</param>
internal sealed record BindContext(
    string ProjectName,
    string WorkingDirectory,
    IReadOnlyList<string> ConfigFiles,
    IReadOnlyDictionary<string, string> Environment);
