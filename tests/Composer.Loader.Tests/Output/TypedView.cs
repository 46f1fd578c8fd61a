using System.Globalization;
using System.Text;
using Composer.Loader.Tree;
using Composer.Loader.Validation;

namespace Composer.Loader.Tests.Output;

/// <summary>
/// A tree as the values a reader takes from it (types and values, no marks or quoting style), so that two trees that
/// mean the same print the same: "22:22" quoted or not, as long as both read as the same string.
/// </summary>
internal static class TypedView
{
    public static string Of(Node node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Node node)
    {
        switch (node)
        {
            case MappingNode mapping:
                builder.Append('{');
                foreach (var entry in mapping.Entries)
                {
                    builder.Append(entry.Key).Append(':');
                    Append(builder, entry.Value);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case SequenceNode sequence:
                builder.Append('[');
                foreach (var item in sequence.Items)
                {
                    Append(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            case ScalarNode scalar:
                var type = ScalarTyping.TypeOf(scalar);
                builder.Append(type).Append('(');
                builder.Append(type switch
                {
                    SchemaTypes.Integer or SchemaTypes.Number => ScalarTyping.NumberOf(scalar).ToString("R", CultureInfo.InvariantCulture),
                    SchemaTypes.Null => string.Empty,
                    _ => scalar.Value,
                });
                builder.Append(')');
                break;
        }
    }
}
