using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Tree;

namespace Composer.Loader.Interpolation;

/// <summary>
/// Substitutes variables in every scalar value of a file's tree (never in keys), before files are merged.
/// An unset variable is reported once per load however often it is used.
/// A substituted plain scalar stays plain: <c>"${PORT}"</c> written plain may still be read as a number later.
/// </summary>
internal sealed class Interpolator(
    IReadOnlyDictionary<string, string> variables,
    DiagnosticBag diagnostics,
    ISet<string>? reportedUnset = null,
    SubstitutionBudget? budget = null)
{
    // Shared by the caller across the files of a load, so that many files cannot each use a whole budget.
    private readonly SubstitutionBudget _budget = budget ?? new SubstitutionBudget();
    private bool _budgetExhausted;

    // Shared by the caller across included projects (which have their own variables) to keep one warning per name.
    private readonly ISet<string> _reportedUnset = reportedUnset ?? new HashSet<string>(StringComparer.Ordinal);

    public MappingNode Interpolate(MappingNode root) => (MappingNode)Visit(root, string.Empty);

    private Node Visit(Node node, string path) => node switch
    {
        ScalarNode scalar => VisitScalar(scalar, path),
        SequenceNode sequence => VisitSequence(sequence, path),
        MappingNode mapping => VisitMapping(mapping, path),
        _ => node,
    };

    private ScalarNode VisitScalar(ScalarNode scalar, string path)
    {
        if (!scalar.Value.Contains('$'))
        {
            return scalar;
        }

        if (_budgetExhausted)
        {
            // Reported once where it ran out; every later value would only repeat that line.
            return scalar;
        }

        var result = TemplateSubstituter.Substitute(scalar.Value, Lookup, _budget);
        foreach (var name in result.UnsetVariables)
        {
            if (_reportedUnset.Add(name))
            {
                diagnostics.Warning(scalar.Mark, path, $"variable \"{name}\" is not set; using an empty string");
            }
        }

        if (!result.Succeeded)
        {
            _budgetExhausted = _budget.ValueLimit < InputLimits.MaxSubstitutedValueLength;
            diagnostics.Error(scalar.Mark, path, result.Error!);
            return scalar;
        }

        // An empty plain scalar would read as null; a variable that expands to nothing gives an empty string.
        return result.Value.Length == 0 && scalar.IsPlain
            ? new ScalarNode(string.Empty, false, scalar.Mark, scalar.Tag)
            : scalar.WithValue(result.Value);
    }

    private SequenceNode VisitSequence(SequenceNode sequence, string path)
    {
        var items = new Node[sequence.Items.Count];
        for (var index = 0; index < items.Length; index++)
        {
            items[index] = Visit(sequence.Items[index], TreePath.Item(path, index));
        }

        return new SequenceNode(items, sequence.Mark, sequence.Tag);
    }

    private MappingNode VisitMapping(MappingNode mapping, string path)
    {
        var entries = new MappingEntry[mapping.Entries.Count];
        for (var index = 0; index < entries.Length; index++)
        {
            var entry = mapping.Entries[index];
            entries[index] = entry with { Value = Visit(entry.Value, TreePath.Child(path, entry.Key)) };
        }

        return new MappingNode(entries, mapping.Mark, mapping.Tag);
    }

    private string? Lookup(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
