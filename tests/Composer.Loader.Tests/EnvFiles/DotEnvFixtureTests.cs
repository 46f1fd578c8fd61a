using Composer.Loader.Diagnostics;
using Composer.Loader.EnvFiles;

namespace Composer.Loader.Tests.EnvFiles;

/// <summary>Runs the .env fixtures of the compose-go project (copied under /work/shared/conformance) through the parser.</summary>
public sealed class DotEnvFixtureTests
{
    private const string FixtureFolder = "/work/shared/conformance/compose-go/dotenv/fixtures";

    private static readonly Dictionary<string, string> ProcessEnvironment = new() { ["VAR_TO_BE_LOADED_FROM_OS_ENV"] = "SOME_RANDOM_VALUE" };

    public static TheoryData<string> FixtureNames()
    {
        var names = new TheoryData<string>();
        if (Directory.Exists(FixtureFolder))
        {
            foreach (var path in Directory.GetFiles(FixtureFolder).OrderBy(path => path, StringComparer.Ordinal))
            {
                names.Add(Path.GetFileName(path));
            }
        }

        return names;
    }

    private static (IReadOnlyDictionary<string, string> Values, IReadOnlyList<Diagnostic> Diagnostics) ParseFixture(string name)
    {
        var path = Path.Combine(FixtureFolder, name);
        var diagnostics = new DiagnosticBag();
        var values = DotEnvParser.Parse(File.ReadAllText(path), path, ProcessEnvironment.GetValueOrDefault, diagnostics);
        return (values, diagnostics.Items);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Every_fixture_parses_without_throwing_and_only_invalid_ones_report(string name)
    {
        var (_, diagnostics) = ParseFixture(name);

        if (name.StartsWith("invalid", StringComparison.Ordinal))
        {
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, diagnostic => Assert.True(diagnostic.Mark.Line > 0));
        }
        else
        {
            Assert.Empty(diagnostics);
        }
    }

    public static TheoryData<string, string, string> ExpectedValues() => new()
    {
        { "plain.env", "OPTION_A", "1" },
        { "plain.env", "OPTION_C", "3" },
        { "plain.env", "OPTION_D", "4" },
        { "plain.env", "OPTION_E", "5" },
        { "plain.env", "456", "ABC" },
        { "plain.env", "OPTION_F", "" },
        { "plain.env", "OPTION_G", "" },
        { "plain.env", "OPTION_H", "my string" },
        { "utf8-bom.env", "OPTION_A", "1" },
        { "utf8-bom.env", "OPTION_H", "my string" },
        { "exported.env", "OPTION_A", "2" },
        { "exported.env", "OPTION_B", "\\n" },
        { "equals.env", "OPTION_A", "postgres://localhost:5432/database?sslmode=disable" },
        { "quoted.env", "OPTION_A", "1" },
        { "quoted.env", "OPTION_C", "" },
        { "quoted.env", "OPTION_D", "\\n" },
        { "quoted.env", "OPTION_H", "\n" },
        { "quoted.env", "OPTION_I", "echo 'asd'" },
        { "quoted.env", "OPTION_J", "first line\nsecond line\nthird line\nand so on" },
        { "quoted.env", "OPTION_K", "Let's go!" },
        { "quoted.env", "OPTION_Z", "last value" },
        { "unquoted.env", "OPTION_A", "some quoted phrase" },
        { "unquoted.env", "OPTION_C", "then another one with an unquoted phrase" },
        { "unquoted.env", "OPTION_D", "then another one with an unquoted phrase special è char" },
        { "unquoted.env", "OPTION_E", "then another one quoted phrase" },
        { "substitutions.env", "OPTION_B", "1" },
        { "substitutions.env", "OPTION_C", "1" },
        // An older reference parser gave "11" here; shell rules (and the Compose Specification) keep the underscore.
        { "substitutions.env", "OPTION_D", "1_1" },
        { "substitutions.env", "OPTION_E", "" },
        { "substitutions-default.env", "OPTION_A", "1" },
        { "substitutions-default.env", "OPTION_D", "1_1" },
        { "special.env", "VAR.WITH.DOTS", "dots" },
        { "special.env", "VAR-WITH-DASHES", "dashes" },
        { "custom.format", "FOO", "BAR" },
        { "custom.format", "ZOT", "QIX" },
        { "inherited-single-var.env", "VAR_TO_BE_LOADED_FROM_OS_ENV", "SOME_RANDOM_VALUE" },
        { "inherited-multi-var.env", "bar", "baz" },
        { "invalid1.env", "foo", "\n  a\n  multine\n  value\n" },
        { "invalid1.env", "zot", "qix" },
    };

    [Theory]
    [MemberData(nameof(ExpectedValues))]
    public void Fixture_values_match_the_reference_behaviour(string name, string key, string expected)
    {
        var (values, _) = ParseFixture(name);

        Assert.Equal(expected, values[key]);
    }

    [Fact]
    public void Inherited_variable_not_found_is_left_out()
    {
        var (values, diagnostics) = ParseFixture("inherited-not-found.env");

        Assert.Empty(values);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Invalid_fixture_points_at_the_bad_line()
    {
        var (_, diagnostics) = ParseFixture("invalid1.env");

        Assert.Equal(7, Assert.Single(diagnostics).Mark.Line);
    }
}
