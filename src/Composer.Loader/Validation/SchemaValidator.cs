using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;

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

        var findings = new List<SchemaFinding>();
        new SchemaEvaluator().Check(ComposeSchema.Instance.Root, mergedRoot, findings);
        if (findings.Count == 0)
        {
            return;
        }

        var reported = new HashSet<Diagnostic>();
        var located = findings
            .Select(finding => new Diagnostic(finding.Mark, finding.Path, finding.Message))
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
}
