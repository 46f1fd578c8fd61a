using Composer.Loader.Diagnostics;
using Composer.Loader.EnvFiles;
using CsCheck;

namespace Composer.Loader.Tests.EnvFiles;

public sealed class DotEnvPropertyTests
{
    private static readonly Gen<string> EnvLikeText =
        Gen.Char["AZ_az09 =:#'\"\\$\n\r\t{}-.!xport"].Array[0, 120].Select(characters => new string(characters));

    [Fact]
    public void Any_text_parses_to_values_or_located_diagnostics_without_throwing()
    {
        EnvLikeText.Sample(text =>
        {
            var diagnostics = new DiagnosticBag();

            DotEnvParser.Parse(text, "fuzz.env", _ => null, diagnostics);

            Assert.All(diagnostics.Items, item => Assert.True(item.Mark.File == "fuzz.env" && item.Mark.Line > 0));
        }, iter: 5000, threads: 1);
    }

    [Fact]
    public void Simple_assignments_round_trip()
    {
        Gen.Select(Gen.Char["AZ_"].Array[1, 10], Gen.Char["az09_-./:@"].Array[0, 20]).Sample(pair =>
        {
            var (key, value) = (new string(pair.Item1), new string(pair.Item2));
            var diagnostics = new DiagnosticBag();

            var values = DotEnvParser.Parse($"{key}={value}\n", "fuzz.env", _ => null, diagnostics);

            Assert.Empty(diagnostics.Items);
            Assert.Equal(value, values[key]);
        }, iter: 2000, threads: 1);
    }
}
