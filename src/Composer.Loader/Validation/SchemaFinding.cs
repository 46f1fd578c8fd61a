using Newtonsoft.Json.Linq;

namespace Composer.Loader.Validation;

/// <summary>
/// One schema violation reduced to its most specific cause: the token it is about (a <see cref="JProperty"/> when the
/// key itself is the problem) and a message in plain words.
/// </summary>
internal sealed record SchemaFinding(JToken? Token, string Message);
