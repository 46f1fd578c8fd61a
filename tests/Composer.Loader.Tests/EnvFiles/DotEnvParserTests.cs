using Composer.Loader.Diagnostics;
using Composer.Loader.EnvFiles;

namespace Composer.Loader.Tests.EnvFiles;

public sealed class DotEnvParserTests
{
    private static IReadOnlyDictionary<string, string> Parse(string text, Dictionary<string, string>? lookup = null)
    {
        var diagnostics = new DiagnosticBag();
        var values = DotEnvParser.Parse(text, ".env", name => lookup?.GetValueOrDefault(name), diagnostics);
        Assert.Empty(diagnostics.Items);
        return values;
    }

    private static string ValueOf(string line) => Assert.Single(Parse(line)).Value;

    [Theory]
    [InlineData("FOO=bar", "bar")]
    [InlineData("FOO =bar", "bar")]
    [InlineData("FOO= bar", "bar")]
    [InlineData("FOO=bar ", "bar")]
    [InlineData("FOO=foobar=", "foobar=")]
    [InlineData("FOO=1:B", "1:B")]
    [InlineData("FOO: 1", "1")]
    [InlineData("FOO: Foo=bar", "Foo=bar")]
    [InlineData("  FOO=bar", "bar")]
    [InlineData("\tFOO=bar", "bar")]
    [InlineData("FOO=", "")]
    [InlineData("FOO=a b  c", "a b  c")]
    public void Unquoted_values(string line, string expected) => Assert.Equal(expected, ValueOf(line));

    [Theory]
    [InlineData("FOO=bar # this is foo", "bar")]
    [InlineData("FOO=bar#baz", "bar#baz")]
    [InlineData("FOO= # only a comment", "")]
    [InlineData("FOO=\"bar#baz\" # comment", "bar#baz")]
    [InlineData("FOO='bar#baz' # comment", "bar#baz")]
    public void Trailing_comments_are_dropped(string line, string expected) => Assert.Equal(expected, ValueOf(line));

    [Theory]
    [InlineData("FOO='bar'", "bar")]
    [InlineData("FOO='\\n'", "\\n")]
    [InlineData("FOO='$HOME ${X}'", "$HOME ${X}")]
    [InlineData("FOO='Let\\'s go!'", "Let's go!")]
    [InlineData("FOO=''", "")]
    public void Single_quotes_are_literal(string line, string expected) => Assert.Equal(expected, ValueOf(line));

    [Theory]
    [InlineData("FOO=\"bar\"", "bar")]
    [InlineData("FOO=\"bar\\nbaz\"", "bar\nbaz")]
    [InlineData("FOO=\"a\\tb\"", "a\tb")]
    [InlineData("FOO=\"escaped\\\"bar\"", "escaped\"bar")]
    [InlineData("FOO=\"back\\\\slash\"", "back\\slash")]
    [InlineData("FOO=\"'d'\"", "'d'")]
    [InlineData("FOO=\"foo\\$BAR\"", "foo$BAR")]
    [InlineData("FOO=\"\"", "")]
    public void Double_quotes_decode_escapes(string line, string expected) => Assert.Equal(expected, ValueOf(line));

    [Fact]
    public void Quoted_values_span_lines()
    {
        var values = Parse("A=\"first\nsecond\"\nB='x\ny'\nC=3\n");

        Assert.Equal("first\nsecond", values["A"]);
        Assert.Equal("x\ny", values["B"]);
        Assert.Equal("3", values["C"]);
    }

    [Theory]
    [InlineData("export FOO=2", "FOO")]
    [InlineData("export\tFOO=2", "FOO")]
    [InlineData("  export FOO=2", "FOO")]
    [InlineData("exportFOO=2", "exportFOO")]
    [InlineData("export_FOO=2", "export_FOO")]
    [InlineData("export.FOO=2", "export.FOO")]
    [InlineData("VAR.WITH.DOTS=2", "VAR.WITH.DOTS")]
    [InlineData("VAR-WITH-DASHES=2", "VAR-WITH-DASHES")]
    public void Keys_and_export_prefix(string line, string expectedKey) => Assert.Equal(expectedKey, Assert.Single(Parse(line)).Key);

    [Fact]
    public void Comments_and_blank_lines_are_skipped()
    {
        var values = Parse("# comment\n\n   \n\t# indented comment\r\nA=1\r\n");

        Assert.Equal("1", Assert.Single(values).Value);
    }

    [Fact]
    public void Variables_expand_from_earlier_lines()
    {
        var values = Parse("A=1\nB=${A}\nC=$B\nD=\"${A}_${B}\"\nE=${UNDEFINED}\nF='${A}'\n");

        Assert.Equal(["1", "1", "1", "1_1", "", "${A}"], values.Values);
    }

    [Fact]
    public void Lookup_is_used_in_substitutions_before_earlier_lines()
    {
        var values = Parse("A=1\nB=${A}\nC=${FROM_PROCESS:-none}\n", new() { ["A"] = "9", ["FROM_PROCESS"] = "p" });

        Assert.Equal("9", values["B"]);
        Assert.Equal("p", values["C"]);
    }

    [Fact]
    public void Defaults_work_inside_values()
    {
        Assert.Equal("fallback", Parse("A=${MISSING:-fallback}")["A"]);
    }

    [Fact]
    public void Bare_name_takes_its_value_from_the_lookup()
    {
        var values = Parse("INHERITED\nMISSING\nA=1\n", new() { ["INHERITED"] = "from-env" });

        Assert.Equal(2, values.Count);
        Assert.Equal("from-env", values["INHERITED"]);
        Assert.False(values.ContainsKey("MISSING"));
    }

    [Fact]
    public void Later_line_wins()
    {
        Assert.Equal("2", Parse("A=1\nA=2\n")["A"]);
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        Assert.Equal("1", Parse("\uFEFFA=1")["A"]);
    }

    [Theory]
    [InlineData("INVALID LINE", 1, 9)]
    [InlineData("lol$wut", 1, 4)]
    [InlineData("A=1\nB=\"unterminated\n", 2, 3)]
    [InlineData("=value", 1, 1)]
    public void Bad_lines_are_located_errors(string text, int line, int column)
    {
        var diagnostics = new DiagnosticBag();

        DotEnvParser.Parse(text, "/p/.env", _ => null, diagnostics);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(new Composer.Loader.Tree.Mark("/p/.env", line, column), error.Mark);
    }

    [Fact]
    public void Lines_after_a_bad_line_are_still_read()
    {
        var diagnostics = new DiagnosticBag();

        var values = DotEnvParser.Parse("A=1\nNOT VALID\nB=2\n", ".env", _ => null, diagnostics);

        Assert.Single(diagnostics.Items);
        Assert.Equal(["A", "B"], values.Keys);
    }
}
