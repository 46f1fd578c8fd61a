namespace Composer.Loader.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
