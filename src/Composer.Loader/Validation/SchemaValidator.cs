using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Newtonsoft.Json.Linq;

namespace Composer.Loader.Validation;

/// <summary>
/// Checks a merged compose tree against the compose JSON schema and reports every violation as a located diagnostic:
/// <c>compose.yaml:7:5: services.web: additional property 'wrongField' is not allowed</c>.
/// </summary>
internal static class SchemaValidator
{
    internal static void Validate(MappingNode mergedRoot, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(mergedRoot);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var projection = JsonProjector.Project(mergedRoot);
        var errors = ComposeSchema.Instance.Validate(projection.Root);
        if (errors.Count == 0)
        {
            return;
        }

        var reported = new HashSet<Diagnostic>();
        var located = SchemaErrorInterpreter.Explain(errors)
            .Select(finding => ToDiagnostic(finding, projection, mergedRoot.Mark))
            .Where(reported.Add)
            .OrderBy(diagnostic => diagnostic.Mark.File, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Mark.Line)
            .ThenBy(diagnostic => diagnostic.Mark.Column)
            .ThenBy(diagnostic => diagnostic.Path, StringComparer.Ordinal);

        foreach (var diagnostic in located)
        {
            diagnostics.Add(diagnostic);
        }
    }

    private static Diagnostic ToDiagnostic(SchemaFinding finding, JsonProjection projection, Mark rootMark)
    {
        var location = projection.Locate(finding.Token);
        var mark = location?.Mark ?? rootMark;

        // A key that should not be there is reported at the key, under the path of the mapping that holds it.
        var path = finding.Token is JProperty { Parent: { } holder }
            ? projection.Locate(holder)?.ComposePath ?? string.Empty
            : location?.ComposePath ?? string.Empty;

        return new Diagnostic(mark, path, finding.Message);
    }
}
