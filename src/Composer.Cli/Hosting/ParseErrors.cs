using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Composer.Cli.Hosting;

/// <summary>
/// Turns System.CommandLine's parse errors into docker compose's few messages: <c>unknown flag: --pull</c>,
/// <c>unknown command "upp"; did you mean "up"?</c>, <c>flag needs an argument: --file</c>, <c>invalid argument
/// "x" for "--timeout" flag</c>, each with at most one hint line and exit code 2. The parser's own texts name .NET
/// types and list every error three ways; users get one line.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>The first problem of the command line as one message, or null when it parsed.</summary>
    public static ParseProblem? Find(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command is RootCommand && parse.UnmatchedTokens.FirstOrDefault(token => !LooksLikeFlag(token)) is { } unknownCommand)
        {
            var suggestion = Suggest(unknownCommand, command.Subcommands.Where(sub => !sub.Hidden).SelectMany(sub => sub.Aliases.Prepend(sub.Name)));
            return suggestion is null
                ? new ParseProblem($"unknown command \"{unknownCommand}\"", "Run 'composer --help' for the list of commands.")
                : new ParseProblem($"unknown command \"{unknownCommand}\"; did you mean \"{suggestion}\"?", null);
        }

        if (UnknownFlag(parse) is { } flag)
        {
            return new ParseProblem("unknown flag: " + flag.Split('=', 2)[0], Hint(parse));
        }

        if (command is not RootCommand && parse.UnmatchedTokens.Count > 0)
        {
            return new ParseProblem($"unexpected argument \"{parse.UnmatchedTokens[0]}\" for \"{CommandPath(parse)}\"", Hint(parse));
        }

        // At the top level "no command given" is not an error: a bare `composer` prints the help.
        var error = parse.Errors.FirstOrDefault(error => !(command is RootCommand && error.SymbolResult is CommandResult));
        return error is null ? null : new ParseProblem(Describe(error, parse), Hint(parse));
    }

    // An option-looking token the parser did not know: left unmatched, or taken as a value of a positional argument
    // (the services of `up --pull never`). Tokens after `--` belong to a container's command line and are left alone.
    private static string? UnknownFlag(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens.FirstOrDefault(LooksLikeFlag);
        if (unmatched is not null)
        {
            return unmatched;
        }

        var beforeDoubleDash = parse.Tokens.TakeWhile(token => token.Type != TokenType.DoubleDash).ToList();
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(result => result.Tokens);
        return positional
            .Where(token => beforeDoubleDash.Any(before => ReferenceEquals(before, token)))
            .Select(token => token.Value)
            .FirstOrDefault(LooksLikeFlag);
    }

    private static bool LooksLikeFlag(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Describe(ParseError error, ParseResult parse)
    {
        switch (error.SymbolResult)
        {
            case OptionResult option when option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0:
                return "flag needs an argument: " + option.Option.Name;
            case ArgumentResult { Parent: OptionResult option } argument:
                return $"invalid argument \"{string.Join(' ', argument.Tokens.Select(token => token.Value))}\" for \"{option.Option.Name}\" flag: {Expected(option.Option.ValueType)}";
            case OptionResult option when option.Tokens.Count > 0:
                return $"invalid argument \"{string.Join(' ', option.Tokens.Select(token => token.Value))}\" for \"{option.Option.Name}\" flag: {Expected(option.Option.ValueType)}";
            case ArgumentResult argument when argument.Tokens.Count > 0:
                return $"invalid argument \"{string.Join(' ', argument.Tokens.Select(token => token.Value))}\" for {argument.Argument.Name.ToUpperInvariant()}: {Expected(argument.Argument.ValueType)}";
            case CommandResult or ArgumentResult when error.Message.StartsWith("Required argument", StringComparison.Ordinal):
                var missing = parse.CommandResult.Command.Arguments.FirstOrDefault(argument => argument.Arity.MinimumNumberOfValues > 0
                    && (parse.GetResult(argument) is not ArgumentResult result || result.Tokens.Count < argument.Arity.MinimumNumberOfValues));
                return $"\"{CommandPath(parse)}\" requires {(missing is null ? "more arguments" : missing.Name.ToUpperInvariant())}";
            default:
                return TypeNames().Replace(error.Message, string.Empty);
        }
    }

    private static string Expected(Type type)
    {
        var element = Nullable.GetUnderlyingType(type) ?? type;
        element = element.IsArray ? element.GetElementType()! : element;
        return element == typeof(int) || element == typeof(long) ? "expected a whole number"
            : element == typeof(double) ? "expected a number"
            : element == typeof(bool) ? "expected true or false"
            : "not a valid value";
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = result.Parent)
        {
            names.Add(command.Command is RootCommand ? "composer" : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Hint(ParseResult parse) => $"Run '{CommandPath(parse)} --help' for usage.";

    /// <summary>The closest of <paramref name="candidates"/>: a prefix of it, or at most two edits away (as cobra suggests).</summary>
    public static string? Suggest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(typed.ToLowerInvariant(), candidate);
            if (distance <= 2 && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\s*(as expected type )?'System\.[^']*'")]
    private static partial Regex TypeNames();
}
