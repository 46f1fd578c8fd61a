using Composer.Loader.Tree;
using Newtonsoft.Json.Linq;

namespace Composer.Loader.Validation;

/// <summary>
/// A compose tree seen as JSON for the schema validator, with the way back from every JSON token (and every JSON
/// pointer) to the YAML node it was built from. Keys get their own marks so that an unknown attribute points at
/// the attribute's name rather than at its value.
/// </summary>
internal sealed class JsonProjection(
    JToken root,
    IReadOnlyDictionary<JToken, NodeLocation> locationByToken,
    IReadOnlyDictionary<string, Mark> valueMarks,
    IReadOnlyDictionary<string, Mark> keyMarks)
{
    public JToken Root { get; } = root;

    /// <summary>Mark of the value at a JSON pointer (<c>/services/web/ports/0</c>); the root is <c>""</c>.</summary>
    public IReadOnlyDictionary<string, Mark> ValueMarks { get; } = valueMarks;

    /// <summary>Mark of the key whose value sits at a JSON pointer.</summary>
    public IReadOnlyDictionary<string, Mark> KeyMarks { get; } = keyMarks;

    /// <summary>
    /// The location of a token, keyed by reference: a value token maps to its value's mark, a
    /// <see cref="JProperty"/> to its key's mark.
    /// </summary>
    public NodeLocation? Locate(JToken? token)
    {
        while (token is not null)
        {
            if (locationByToken.TryGetValue(token, out var location))
            {
                return location;
            }

            // Tokens NJsonSchema creates itself never happen with an in-memory document, but a parent is a safe answer.
            token = token.Parent;
        }

        return null;
    }
}
