using System.CommandLine;

namespace Composer.Cli.Commands;

/// <summary>
/// exec and run take a command line for the container after the service name, which may hold options of its own
/// (<c>sh -c 'exit 3'</c>, <c>ls -u</c>). Like docker compose, option parsing stops at the service: a <c>--</c> is
/// put after it so that the parser hands everything that follows through untouched.
/// </summary>
internal static class PassThroughArguments
{
    private static readonly HashSet<string> VerbsWithCommand = new(["exec", "run"], StringComparer.Ordinal);

    public static string[] Separate(string[] args, RootCommand root)
    {
        Command? verb = null;
        var index = 0;
        while (index < args.Length)
        {
            var token = args[index];
            if (token == "--")
            {
                return args;
            }

            if (token.Length > 1 && token[0] == '-')
            {
                var option = Find(verb, root, token);
                index += option is not null && !token.Contains('=', StringComparison.Ordinal) && TakesValue(option) ? 2 : 1;
                continue;
            }

            if (verb is null)
            {
                verb = root.Subcommands.FirstOrDefault(command => command.Name == token);
                if (verb is null || !VerbsWithCommand.Contains(verb.Name))
                {
                    return args;
                }

                index++;
                continue;
            }

            // The service name: everything after it belongs to the container's command.
            return index + 1 < args.Length && args[index + 1] != "--"
                ? [.. args[..(index + 1)], "--", .. args[(index + 1)..]]
                : args;
        }

        return args;
    }

    private static Option? Find(Command? verb, RootCommand root, string token)
    {
        var name = token.Split('=', 2)[0];
        return (verb?.Options ?? []).Concat(root.Options)
            .FirstOrDefault(option => option.Name == name || option.Aliases.Contains(name));
    }

    private static bool TakesValue(Option option) => option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
}
