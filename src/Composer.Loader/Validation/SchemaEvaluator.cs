using System.Text;
using Composer.Loader.Tree;

namespace Composer.Loader.Validation;

/// <summary>
/// Checks tree nodes against compiled schemas. Without a findings list it only answers "valid or not" and stops at
/// the first violation, allocating nothing: that is how alternatives (anyOf, oneOf) are tried. With a list it reports
/// every violation, reduced to the causes a user can act on: for alternatives that all fail, the branch whose type
/// matches the value is explained (the form the user was writing, the one closest to valid when several match);
/// when no branch takes the value's type, the message names the types that would have been accepted.
/// </summary>
internal sealed class SchemaEvaluator
{
    /// <summary>The pattern the schema gives to names of services, networks, volumes, configs, secrets and models.</summary>
    private const string ResourceNamePattern = "^[a-zA-Z0-9._-]+$";

    private const string ExtensionPattern = "^x-";

    // The way from the root to the value being checked: a key, or an index when Key is null. Kept only while
    // reporting, and turned into a compose path only when something is wrong.
    private readonly List<(string? Key, int Index)> _path = [];

    /// <summary>
    /// Checks <paramref name="value"/>; returns 0 when valid. With <paramref name="findings"/> the result counts the
    /// findings the value gives, by which alternatives are ranked (the fewer, the closer the user was).
    /// </summary>
    public int Check(SchemaNode schema, Node value, List<SchemaFinding>? findings)
    {
        schema = schema.Resolved;
        var type = ScalarTyping.TypeOf(value);
        if (schema.Types != SchemaTypes.None && !Accepts(schema.Types, type))
        {
            findings?.Add(new SchemaFinding(value, value.Mark, CurrentPath(), ExpectedTypes.Message(schema.Types), IsTypeMismatch: true));
            return 1;
        }

        var count = 0;
        if (schema.Enum.Count > 0 && !MatchesEnum(schema, value))
        {
            count += Report(findings, value, value.Mark, "must be one of: " + string.Join(", ", schema.Enum.Select(constant => constant.Display)));
        }

        count += value switch
        {
            ScalarNode scalar => CheckScalar(schema, scalar, type, findings),
            SequenceNode sequence => CheckSequence(schema, sequence, findings),
            MappingNode mapping => CheckMapping(schema, mapping, findings),
            _ => 0,
        };

        foreach (var part in schema.AllOf)
        {
            if (count > 0 && findings is null)
            {
                return count;
            }

            count += Check(part, value, findings);
        }

        if (count > 0 && findings is null)
        {
            return count;
        }

        if (schema.AnyOf.Count > 0)
        {
            count += CheckAlternatives(schema.AnyOf, value, exactlyOne: false, findings);
        }

        if (schema.OneOf.Count > 0 && (count == 0 || findings is not null))
        {
            count += CheckAlternatives(schema.OneOf, value, exactlyOne: true, findings);
        }

        return count;
    }

    private static bool Accepts(SchemaTypes accepted, SchemaTypes actual) =>
        (accepted & actual) != 0 || (actual == SchemaTypes.Integer && accepted.HasFlag(SchemaTypes.Number));

    private static bool MatchesEnum(SchemaNode schema, Node value)
    {
        foreach (var constant in schema.Enum)
        {
            if (constant.Matches(value))
            {
                return true;
            }
        }

        return false;
    }

    private int CheckScalar(SchemaNode schema, ScalarNode scalar, SchemaTypes type, List<SchemaFinding>? findings)
    {
        var count = 0;
        if (schema.Pattern is { } pattern && type == SchemaTypes.String && !pattern.IsMatch(scalar.Value))
        {
            count += Report(findings, scalar, scalar.Mark, $"does not match the pattern {pattern.Source}");
        }

        if ((schema.Minimum is not null || schema.Maximum is not null) && type is SchemaTypes.Integer or SchemaTypes.Number)
        {
            var number = ScalarTyping.NumberOf(scalar);
            if (number < schema.Minimum)
            {
                count += Report(findings, scalar, scalar.Mark, "is too small");
            }

            if (number > schema.Maximum)
            {
                count += Report(findings, scalar, scalar.Mark, "is too big");
            }
        }

        return count;
    }

    private int CheckSequence(SchemaNode schema, SequenceNode sequence, List<SchemaFinding>? findings)
    {
        var count = 0;
        var items = sequence.Items;
        if (items.Count < schema.MinItems)
        {
            count += Report(findings, sequence, sequence.Mark, $"must have at least {schema.MinItems} items");
        }

        if (items.Count > schema.MaxItems)
        {
            count += Report(findings, sequence, sequence.Mark, $"must have at most {schema.MaxItems} items");
        }

        if (schema.UniqueItems && HasRepeatedItem(items))
        {
            count += Report(findings, sequence, sequence.Mark, "must not repeat an item");
        }

        if (schema.Items is not { } itemSchema)
        {
            return count;
        }

        for (var index = 0; index < items.Count; index++)
        {
            if (count > 0 && findings is null)
            {
                return count;
            }

            if (findings is not null)
            {
                _path.Add((null, index));
            }

            count += Check(itemSchema, items[index], findings);
            if (findings is not null)
            {
                _path.RemoveAt(_path.Count - 1);
            }
        }

        return count;
    }

    private int CheckMapping(SchemaNode schema, MappingNode mapping, List<SchemaFinding>? findings)
    {
        var count = 0;
        foreach (var entry in mapping.Entries)
        {
            if (count > 0 && findings is null)
            {
                return count;
            }

            if (findings is not null)
            {
                _path.Add((entry.Key, 0));
            }

            var matched = false;
            if (schema.Properties.TryGetValue(entry.Key, out var propertySchema))
            {
                matched = true;
                count += Check(propertySchema, entry.Value, findings);
            }

            foreach (var patternProperty in schema.PatternProperties)
            {
                if (patternProperty.Pattern.IsMatch(entry.Key))
                {
                    matched = true;
                    count += Check(patternProperty.Schema, entry.Value, findings);
                }
            }

            if (!matched && schema.AdditionalProperties is { } additionalSchema)
            {
                count += Check(additionalSchema, entry.Value, findings);
            }

            if (findings is not null)
            {
                _path.RemoveAt(_path.Count - 1);
            }

            if (!matched && schema.ForbidsAdditionalProperties)
            {
                // A key that should not be there is reported at the key, under the path of the mapping that holds it.
                count += Report(findings, entry.Value, entry.KeyMark, DescribeUnexpectedKey(schema, entry.Key));
            }
        }

        foreach (var name in schema.Required)
        {
            if (!mapping.ContainsKey(name))
            {
                count += Report(findings, mapping, mapping.Mark, $"missing required property '{name}'");
            }
        }

        if (mapping.Entries.Count < schema.MinProperties)
        {
            count += Report(findings, mapping, mapping.Mark, $"must have at least {schema.MinProperties} entries");
        }

        if (mapping.Entries.Count > schema.MaxProperties)
        {
            count += Report(findings, mapping, mapping.Mark, $"must have at most {schema.MaxProperties} entries");
        }

        return count;
    }

    private int CheckAlternatives(IReadOnlyList<SchemaNode> branches, Node value, bool exactlyOne, List<SchemaFinding>? findings)
    {
        var validBranches = 0;
        foreach (var branch in branches)
        {
            if (Check(branch, value, findings: null) == 0)
            {
                validBranches++;
                if (!exactlyOne || validBranches > 1)
                {
                    break;
                }
            }
        }

        if (exactlyOne ? validBranches == 1 : validBranches > 0)
        {
            return 0;
        }

        if (findings is null)
        {
            return 1;
        }

        if (validBranches > 1)
        {
            return Report(findings, value, value.Mark, "matches more than one of the allowed forms");
        }

        // Every branch failed: explain the one the user was writing.
        List<SchemaFinding>? intended = null;
        var intendedCount = int.MaxValue;
        var fewest = int.MaxValue;
        foreach (var branch in branches)
        {
            var branchFindings = new List<SchemaFinding>();
            var branchCount = Check(branch, value, branchFindings);
            fewest = Math.Min(fewest, branchCount);
            if (branchCount < intendedCount && !branchFindings.Exists(finding => finding.IsTypeMismatch && ReferenceEquals(finding.Subject, value)))
            {
                intended = branchFindings;
                intendedCount = branchCount;
            }
        }

        if (intended is null)
        {
            var accepted = branches.Aggregate(SchemaTypes.None, (types, branch) => types | ExpectedTypes.Of(branch));
            findings.Add(new SchemaFinding(value, value.Mark, CurrentPath(), ExpectedTypes.Message(accepted), IsTypeMismatch: true));
        }
        else
        {
            findings.AddRange(intended);
        }

        return fewest;
    }

    private static bool HasRepeatedItem(IReadOnlyList<Node> items)
    {
        for (var later = 1; later < items.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (SchemaValueEquality.AreEqual(items[earlier], items[later]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A key the mapping does not accept. In a mapping of user-chosen names (services, networks, ulimits, ...) the key
    /// is a badly formed name rather than an unknown attribute, and the message says which names are allowed.
    /// </summary>
    private static string DescribeUnexpectedKey(SchemaNode schema, string key)
    {
        var namePattern = schema.Properties.Count == 0
            ? schema.PatternProperties.Select(property => property.Pattern.Source).FirstOrDefault(pattern => pattern != ExtensionPattern)
            : null;

        return namePattern switch
        {
            null => $"additional property '{key}' is not allowed",
            ResourceNamePattern => $"invalid name '{key}': use only letters, digits, '.', '_' and '-'",
            _ => $"invalid name '{key}': it must match {namePattern}",
        };
    }

    private int Report(List<SchemaFinding>? findings, Node subject, Mark mark, string message)
    {
        findings?.Add(new SchemaFinding(subject, mark, CurrentPath(), message));
        return 1;
    }

    private string CurrentPath()
    {
        var path = new StringBuilder();
        foreach (var (key, index) in _path)
        {
            if (key is null)
            {
                path.Append('[').Append(index).Append(']');
            }
            else
            {
                if (path.Length > 0)
                {
                    path.Append('.');
                }

                path.Append(key);
            }
        }

        return path.ToString();
    }
}
