using Composer.Loader.Tree;

namespace Composer.Loader.Diagnostics;

/// <summary>
/// One problem found while loading: where (file, line, column), which compose path (<c>services.web.ports[0]</c>)
/// and the most specific cause. Printed as <c>file:line:col: path: message</c>.
/// </summary>
public sealed record Diagnostic(Mark Mark, string Path, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public override string ToString()
    {
        var where = Mark.ToString();
        var location = string.IsNullOrEmpty(where) ? string.Empty : where + ": ";
        var path = string.IsNullOrEmpty(Path) ? string.Empty : Path + ": ";
        return location + path + Message;
    }
}
