using System.Text;

namespace Composer.Loader.Interpolation;

/// <summary>
/// Shell-like variable substitution as the Compose Specification defines it: <c>$VAR</c>, <c>${VAR}</c>, the
/// default forms <c>:-</c> and <c>-</c>, the required forms <c>:?</c> and <c>?</c>, the alternative forms <c>:+</c>
/// and <c>+</c> (nested templates allowed inside them) and <c>$$</c> for a literal dollar.
/// The colon forms treat an empty value like an unset one.
/// </summary>
internal static class TemplateSubstituter
{
    /// <summary>Substitutes every variable of <paramref name="template"/>; <paramref name="lookup"/> returns null for an unset variable.</summary>
    public static SubstitutionResult Substitute(string template, Func<string, string?> lookup)
    {
        var unset = new List<string>();
        try
        {
            var value = Expand(template, lookup, unset);
            return new SubstitutionResult(value, null, unset);
        }
        catch (SubstitutionException exception)
        {
            return new SubstitutionResult(template, exception.Message, unset);
        }
    }

    private static string Expand(string template, Func<string, string?> lookup, List<string> unset)
    {
        if (!template.Contains('$'))
        {
            return template;
        }

        var output = new StringBuilder(template.Length);
        var index = 0;
        while (index < template.Length)
        {
            var character = template[index];
            if (character != '$')
            {
                output.Append(character);
                index++;
                continue;
            }

            // A dollar that starts no variable (`$(date)`, `5$`) is kept as written, as shells and Compose do.
            var next = index + 1 < template.Length ? template[index + 1] : '\0';
            if (next == '$')
            {
                output.Append('$');
                index += 2;
            }
            else if (next == '{')
            {
                index = ExpandBraced(template, index + 2, lookup, unset, output);
            }
            else if (IsNameStart(next))
            {
                var nameEnd = NameEnd(template, index + 1);
                var name = template[(index + 1)..nameEnd];
                output.Append(Lookup(name, lookup, unset) ?? string.Empty);
                index = nameEnd;
            }
            else
            {
                output.Append('$');
                index++;
            }
        }

        return output.ToString();
    }

    /// <summary>Expands <c>${...}</c> whose content starts at <paramref name="start"/>; returns the index after the closing brace.</summary>
    private static int ExpandBraced(string template, int start, Func<string, string?> lookup, List<string> unset, StringBuilder output)
    {
        if (start >= template.Length || !IsNameStart(template[start]))
        {
            throw InvalidFormat(template);
        }

        var nameEnd = NameEnd(template, start);
        var name = template[start..nameEnd];
        if (nameEnd >= template.Length)
        {
            throw InvalidFormat(template);
        }

        if (template[nameEnd] == '}')
        {
            output.Append(Lookup(name, lookup, unset) ?? string.Empty);
            return nameEnd + 1;
        }

        var colon = template[nameEnd] == ':';
        var operatorIndex = colon ? nameEnd + 1 : nameEnd;
        if (operatorIndex >= template.Length || template[operatorIndex] is not ('-' or '?' or '+'))
        {
            throw InvalidFormat(template);
        }

        var operation = template[operatorIndex];
        var argumentStart = operatorIndex + 1;
        var argumentEnd = ClosingBrace(template, argumentStart);
        var argument = template[argumentStart..argumentEnd];

        // A variable set to an empty string counts as unset only for the colon forms.
        var value = lookup(name);
        var present = colon ? !string.IsNullOrEmpty(value) : value is not null;
        switch (operation)
        {
            case '-':
                output.Append(present ? value : Expand(argument, lookup, unset));
                break;
            case '+':
                output.Append(present ? Expand(argument, lookup, unset) : string.Empty);
                break;
            default:
                if (!present)
                {
                    var message = Expand(argument, lookup, unset);
                    throw new SubstitutionException(message.Length == 0
                        ? $"required variable {name} is missing a value"
                        : $"required variable {name} is missing a value: {message}");
                }

                output.Append(value);
                break;
        }

        return argumentEnd + 1;
    }

    /// <summary>Finds the brace closing a <c>${</c>, skipping nested templates and <c>$$</c>.</summary>
    private static int ClosingBrace(string template, int start)
    {
        var depth = 0;
        var index = start;
        while (index < template.Length)
        {
            if (template[index] == '$' && index + 1 < template.Length && template[index + 1] is '$' or '{')
            {
                depth += template[index + 1] == '{' ? 1 : 0;
                index += 2;
                continue;
            }

            if (template[index] == '}')
            {
                if (depth == 0)
                {
                    return index;
                }

                depth--;
            }

            index++;
        }

        throw InvalidFormat(template);
    }

    private static string? Lookup(string name, Func<string, string?> lookup, List<string> unset)
    {
        var value = lookup(name);
        if (value is null && !unset.Contains(name))
        {
            unset.Add(name);
        }

        return value;
    }

    private static bool IsNameStart(char character) => char.IsAsciiLetter(character) || character == '_';

    private static int NameEnd(string template, int start)
    {
        var index = start;
        while (index < template.Length && (char.IsAsciiLetterOrDigit(template[index]) || template[index] == '_'))
        {
            index++;
        }

        return index;
    }

    private static SubstitutionException InvalidFormat(string template) =>
        new($"invalid interpolation format \"{template}\"; you may need to escape a literal $ as $$");
}
