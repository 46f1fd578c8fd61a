using Composer.Loader.Diagnostics;
using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

/// <summary>Runs the schema validator on inline YAML and returns what it reported.</summary>
internal static class SchemaAssert
{
    public static IReadOnlyList<Diagnostic> Validate(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        SchemaValidator.Validate(TestTrees.Parse(yaml), diagnostics);
        return diagnostics.Items;
    }

    public static void Valid(string yaml)
    {
        var diagnostics = Validate(yaml);
        Assert.True(diagnostics.Count == 0, "expected no diagnostics, got:\n" + string.Join("\n", diagnostics));
    }

    public static Diagnostic SingleError(string yaml)
    {
        var diagnostics = Validate(yaml);
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join("\n", diagnostics));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        return diagnostics[0];
    }
}
