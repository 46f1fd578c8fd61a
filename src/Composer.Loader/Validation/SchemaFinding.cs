using Composer.Loader.Tree;

namespace Composer.Loader.Validation;

/// <summary>
/// One schema violation reduced to its most specific cause, already located. <see cref="Subject"/> is the value it is
/// about; <see cref="IsTypeMismatch"/> says the value was refused for its kind, which tells alternatives apart.
/// </summary>
internal sealed record SchemaFinding(Node Subject, Mark Mark, string Path, string Message, bool IsTypeMismatch = false);
