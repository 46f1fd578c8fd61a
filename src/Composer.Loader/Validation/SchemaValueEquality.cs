using Composer.Loader.Tree;

namespace Composer.Loader.Validation;

/// <summary>Equality of tree values as JSON sees them (for <c>uniqueItems</c>): <c>1</c> and <c>1.0</c> are equal, <c>"1"</c> is not.</summary>
internal static class SchemaValueEquality
{
    public static bool AreEqual(Node left, Node right)
    {
        switch (left, right)
        {
            case (ScalarNode a, ScalarNode b):
                var typeA = ScalarTyping.TypeOf(a);
                var typeB = ScalarTyping.TypeOf(b);
                if (typeA is SchemaTypes.Integer or SchemaTypes.Number && typeB is SchemaTypes.Integer or SchemaTypes.Number)
                {
                    return ScalarTyping.NumberOf(a) == ScalarTyping.NumberOf(b);
                }

                return typeA == typeB && (typeA switch
                {
                    SchemaTypes.Null => true,
                    SchemaTypes.Boolean => string.Equals(a.Value, b.Value, StringComparison.OrdinalIgnoreCase),
                    _ => a.Value == b.Value,
                });
            case (SequenceNode a, SequenceNode b):
                return a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(pair => AreEqual(pair.First, pair.Second));
            case (MappingNode a, MappingNode b):
                return a.Entries.Count == b.Entries.Count
                    && a.Entries.All(entry => b[entry.Key] is { } other && AreEqual(entry.Value, other));
            default:
                return false;
        }
    }
}
