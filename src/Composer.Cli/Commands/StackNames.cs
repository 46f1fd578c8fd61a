using Composer.Cli.Hosting;

namespace Composer.Cli.Commands;

/// <summary>
/// The stack a stack verb acts on: the STACK argument, else -p, else the project name of the compose files (so that
/// <c>composer stack deploy</c> in a project folder deploys the stack named like the project).
/// </summary>
internal static class StackNames
{
    public static async Task<string> ResolveAsync(CommandInvocation invocation, string? argument, CancellationToken cancellationToken)
    {
        if (argument is { Length: > 0 })
        {
            return Check(argument);
        }

        var project = await invocation.LoadProjectOrNameAsync(null, cancellationToken);
        return Check(project.Name);
    }

    /// <summary>Swarm names allow letters, digits, '-', '_' and '.'; the stack name prefixes every one of them.</summary>
    public static string Check(string name) =>
        name.Length > 0 && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.')
            ? name
            : throw new UsageException($"invalid stack name \"{name}\": use letters, digits, '-', '_' and '.'");
}
