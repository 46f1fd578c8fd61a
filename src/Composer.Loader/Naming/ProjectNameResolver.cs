using System.Text;
using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;

namespace Composer.Loader.Naming;

/// <summary>
/// Picks the project name: <c>-p</c>, else COMPOSE_PROJECT_NAME (process environment or .env), else the top-level
/// <c>name</c>, else the project folder's name. Engine resources are prefixed with it, so it is kept to
/// lowercase letters, digits, '_' and '-', starting with a letter or digit. An explicit <c>-p</c> must already be
/// valid; the other sources are normalized.
/// </summary>
internal static class ProjectNameResolver
{
    public const string ProjectNameVariable = "COMPOSE_PROJECT_NAME";

    public static string? Resolve(
        string? explicitName,
        IReadOnlyDictionary<string, string> variables,
        MappingNode root,
        string projectDirectory,
        DiagnosticBag diagnostics)
    {
        if (!string.IsNullOrEmpty(explicitName))
        {
            if (IsValid(explicitName))
            {
                return explicitName;
            }

            diagnostics.Error(Mark.None, string.Empty, $"invalid project name \"{explicitName}\" (-p): use only lowercase letters, digits, '_' and '-', starting with a letter or digit");
            return null;
        }

        var (candidate, mark, origin) = Candidate(variables, root, projectDirectory);
        var normalized = Normalize(candidate);
        if (normalized.Length == 0)
        {
            diagnostics.Error(mark, origin == "name" ? "name" : string.Empty, $"project name \"{candidate}\" (from {origin}) has no usable character once normalized; set one with -p");
            return null;
        }

        return normalized;
    }

    public static bool IsValid(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) | char.IsAsciiDigit(name[0]) && name.All(IsAllowed);

    /// <summary>Lowercases, drops characters other than [a-z0-9_-], and drops leading '_' and '-'.</summary>
    public static string Normalize(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var character in raw.ToLowerInvariant())
        {
            if (IsAllowed(character) && (builder.Length > 0 || char.IsAsciiLetterOrDigit(character)))
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static (string Candidate, Mark Mark, string Origin) Candidate(IReadOnlyDictionary<string, string> variables, MappingNode root, string projectDirectory)
    {
        if (variables.TryGetValue(ProjectNameVariable, out var fromVariable) && fromVariable.Length > 0)
        {
            return (fromVariable, Mark.None, ProjectNameVariable);
        }

        if (root["name"] is ScalarNode { IsNull: false } nameNode && nameNode.Value.Length > 0)
        {
            return (nameNode.Value, nameNode.Mark, "name");
        }

        var folderName = new DirectoryInfo(projectDirectory).Name;
        return (folderName, Mark.None, "the project folder's name");
    }

    private static bool IsAllowed(char character) => char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character is '_' or '-';
}
