using System.Text.RegularExpressions;
using Composer.Cli.Output;

namespace Composer.Cli.Commands;

/// <summary>
/// config --variables: every variable the files interpolate, whether it is required (<c>${X:?msg}</c>), its default
/// (<c>${X:-d}</c>) and alternate value (<c>${X:+alt}</c>), as docker compose lists them.
/// </summary>
internal static partial class ConfigVariables
{
    public static string Table(string uninterpolatedYaml)
    {
        var variables = new SortedDictionary<string, (bool Required, string Default, string Alternate)>(StringComparer.Ordinal);
        foreach (Match match in Reference().Matches(uninterpolatedYaml))
        {
            if (match.Groups["escaped"].Success)
            {
                continue;
            }

            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
            var operation = match.Groups["op"].Value;
            var argument = match.Groups["arg"].Value;
            var entry = variables.TryGetValue(name, out var known) ? known : (Required: false, Default: "", Alternate: "");
            entry = operation switch
            {
                ":?" or "?" => entry with { Required = true },
                ":-" or "-" => entry with { Default = argument },
                ":+" or "+" => entry with { Alternate = argument },
                _ => entry,
            };
            variables[name] = entry;
        }

        return TextTable.Render(
            ["NAME", "REQUIRED", "DEFAULT VALUE", "ALTERNATE VALUE"],
            variables.Select(pair => (IReadOnlyList<string>)[pair.Key, pair.Value.Required ? "true" : "false", pair.Value.Default, pair.Value.Alternate]));
    }

    [GeneratedRegex(@"(?<escaped>\$\$)|\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<arg>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();
}
