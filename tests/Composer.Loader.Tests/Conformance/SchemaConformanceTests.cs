using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Validation;
using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Conformance;

/// <summary>
/// Runs the schema stage over the real-world compose files of the conformance corpus. Files that must fail at another
/// stage (cycles, missing env files, consistency) are still schema-valid and must pass here. Values with unresolved
/// ${VAR} stay strings, which the schema accepts wherever compose users write variables.
/// </summary>
public sealed class SchemaConformanceTests
{
    public static TheoryData<string> SchemaValidFiles() =>
        new(ConformanceCorpus.Expectations
            .Where(pair => !pair.Value.Skip && !pair.Value.IsSchemaFailure)
            .Select(pair => pair.Key));

    public static TheoryData<string> SchemaInvalidFiles() =>
        new(ConformanceCorpus.Expectations
            .Where(pair => pair.Value.IsSchemaFailure)
            .Select(pair => pair.Key));

    [Theory]
    [MemberData(nameof(SchemaValidFiles))]
    public void Fixture_passes_the_schema(string relativePath)
    {
        var diagnostics = Validate(relativePath);

        Assert.True(diagnostics.Count == 0, $"{relativePath} ({ConformanceCorpus.Expectations[relativePath].Why}):\n" + string.Join("\n", diagnostics));
    }

    [Theory]
    [MemberData(nameof(SchemaInvalidFiles))]
    public void Fixture_fails_the_schema_with_the_expected_cause(string relativePath)
    {
        var expectation = ConformanceCorpus.Expectations[relativePath];

        var diagnostics = Validate(relativePath);

        Assert.NotEmpty(diagnostics);
        Assert.Contains(diagnostics, diagnostic => diagnostic.ToString().Contains(expectation.ErrorContains ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrong_field_fixture_is_reported_at_the_field()
    {
        const string relativePath = "compose/pkg/e2e/fixtures/wrong-composefile/compose.yaml";

        var diagnostic = Assert.Single(Validate(relativePath));

        Assert.Equal($"{relativePath}:4:5: services.simple: additional property 'wrongField' is not allowed", diagnostic.ToString());
    }

    [Fact]
    public void Every_file_of_the_corpus_has_an_expectation_and_every_expectation_a_file()
    {
        var onDisk = ConformanceCorpus.FilesOnDisk();
        var recorded = ConformanceCorpus.Expectations.Keys.ToList();

        Assert.Empty(onDisk.Except(recorded));
        Assert.Empty(recorded.Except(onDisk));
    }

    [Fact]
    public void Every_invalid_expectation_names_its_stage_and_error()
    {
        var incomplete = ConformanceCorpus.Expectations
            .Where(pair => !pair.Value.Skip && !pair.Value.Valid)
            .Where(pair => string.IsNullOrEmpty(pair.Value.Stage) || string.IsNullOrEmpty(pair.Value.ErrorContains))
            .Select(pair => pair.Key);

        Assert.Empty(incomplete);
    }

    private static IReadOnlyList<Diagnostic> Validate(string relativePath)
    {
        var tree = TestTrees.Load(ConformanceCorpus.FullPath(relativePath), relativePath);
        var diagnostics = new DiagnosticBag();
        SchemaValidator.Validate(tree, diagnostics);
        return diagnostics.Items;
    }
}
