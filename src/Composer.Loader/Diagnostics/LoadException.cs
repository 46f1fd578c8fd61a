namespace Composer.Loader.Diagnostics;

/// <summary>Thrown by the loader facade when a project cannot load; carries every error found, never a stack trace for users.</summary>
public sealed class LoadException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
