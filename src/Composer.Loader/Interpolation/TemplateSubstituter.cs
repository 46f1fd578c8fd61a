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
    /// <summary>Templates inside templates (<c>${A:-${B:-...}}</c>): real values use two or three.</summary>
    private const int MaxTemplateNesting = 32;

    /// <summary>
    /// Substitutes every variable of <paramref name="template"/>; <paramref name="lookup"/> returns null for an unset
    /// variable. The result must fit <paramref name="budget"/> (by default only the one-value limit), which it is
    /// charged to.
    /// </summary>
    public static SubstitutionResult Substitute(string template, Func<string, string?> lookup, SubstitutionBudget? budget = null)
    {
        var unset = new List<string>();
        if (!template.Contains('$'))
        {
            // Nothing to substitute: the value is as long as the file let it be, and costs no budget.
            return new SubstitutionResult(template, null, unset);
        }

        budget ??= new SubstitutionBudget();
        var expansion = new Expansion(lookup, unset, budget);
        try
        {
            var value = expansion.Expand(template, 0);
            budget.Spend(value.Length);
            return new SubstitutionResult(value, null, unset);
        }
        catch (SubstitutionException exception)
        {
            // A failed value costs what it produced before failing: otherwise every line of `K=${K}${K}x` repeated
            // builds a whole value up to the limit and is refused, the total never shrinks, and 20,000 such lines
            // (240 KB) take a minute. Charged, the 17th refusal ends the file's or the load's substitution.
            budget.Spend(expansion.Produced);
            return new SubstitutionResult(template, exception.Message, unset);
        }
    }

    /// <summary>One substitution: the lookup, the unset names met and the budget the output must fit.</summary>
    private sealed class Expansion(Func<string, string?> lookup, List<string> unset, SubstitutionBudget budget)
    {
        private readonly int _limit = budget.ValueLimit;

        /// <summary>The longest any output of this substitution grew (at most the limit): the work it cost.</summary>
        public int Produced { get; private set; }

        public string Expand(string template, int nesting)
        {
            if (!template.Contains('$'))
            {
                return template;
            }

            if (nesting > MaxTemplateNesting)
            {
                throw new SubstitutionException($"variables are nested more than {MaxTemplateNesting} levels deep in one value");
            }

            var output = new StringBuilder(template.Length);
            var index = 0;
            while (index < template.Length)
            {
                var character = template[index];
                if (character != '$')
                {
                    Append(output, character);
                    index++;
                    continue;
                }

                // A dollar that starts no variable (`$(date)`, `5$`) is kept as written, as shells and Compose do.
                var next = index + 1 < template.Length ? template[index + 1] : '\0';
                if (next == '$')
                {
                    Append(output, "$");
                    index += 2;
                }
                else if (next == '{')
                {
                    index = ExpandBraced(template, index + 2, nesting, output);
                }
                else if (IsNameStart(next))
                {
                    var nameEnd = NameEnd(template, index + 1);
                    var name = template[(index + 1)..nameEnd];
                    Append(output, Lookup(name) ?? string.Empty);
                    index = nameEnd;
                }
                else
                {
                    Append(output, "$");
                    index++;
                }
            }

            return output.ToString();
        }

        /// <summary>Expands <c>${...}</c> whose content starts at <paramref name="start"/>; returns the index after the closing brace.</summary>
        private int ExpandBraced(string template, int start, int nesting, StringBuilder output)
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
                Append(output, Lookup(name) ?? string.Empty);
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
                    Append(output, present ? value! : Expand(argument, nesting + 1));
                    break;
                case '+':
                    Append(output, present ? Expand(argument, nesting + 1) : string.Empty);
                    break;
                default:
                    if (!present)
                    {
                        var message = Expand(argument, nesting + 1);
                        throw new SubstitutionException(message.Length == 0
                            ? $"required variable {name} is missing a value"
                            : $"required variable {name} is missing a value: {message}");
                    }

                    Append(output, value!);
                    break;
            }

            return argumentEnd + 1;
        }

        private void Append(StringBuilder output, char character)
        {
            Check(output.Length + 1);
            output.Append(character);
        }

        private void Append(StringBuilder output, string text)
        {
            Check(output.Length + text.Length);
            output.Append(text);
        }

        private void Check(long length)
        {
            if (length > _limit)
            {
                Produced = _limit;
                throw new SubstitutionException(budget.LimitMessage);
            }

            Produced = Math.Max(Produced, (int)length);
        }

        private string? Lookup(string name)
        {
            var value = lookup(name);
            if (value is null && !unset.Contains(name))
            {
                unset.Add(name);
            }

            return value;
        }
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
