using Composer.Loader.Tree;

namespace Composer.Loader.Validation;

/// <summary>
/// Where one JSON token of the validated document came from: its JSON pointer, its compose path
/// (<c>services.web.ports[0]</c>) and the mark of the YAML node (or of the key, for a property).
/// </summary>
internal sealed record NodeLocation(string Pointer, string ComposePath, Mark Mark);
