using Composer.Loader.Interpolation;

namespace Composer.Loader.Tests.Interpolation;

public sealed class TemplateSubstituterTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["NAME"] = "web",
        ["EMPTY"] = string.Empty,
        ["PORT"] = "8080",
    };

    private static string Substitute(string template)
    {
        var result = TemplateSubstituter.Substitute(template, name => Variables.TryGetValue(name, out var value) ? value : null);
        Assert.Null(result.Error);
        return result.Value;
    }

    private static string ErrorOf(string template)
    {
        var result = TemplateSubstituter.Substitute(template, name => Variables.TryGetValue(name, out var value) ? value : null);
        return Assert.IsType<string>(result.Error);
    }

    [Theory]
    [InlineData("$NAME", "web")]
    [InlineData("${NAME}", "web")]
    [InlineData("pre-${NAME}-post", "pre-web-post")]
    [InlineData("$NAME.example", "web.example")]
    [InlineData("${PORT}:80", "8080:80")]
    [InlineData("no variables", "no variables")]
    public void Substitutes_named_variables(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("$$NAME", "$NAME")]
    [InlineData("$${NAME}", "${NAME}")]
    [InlineData("a$$b", "a$b")]
    public void Double_dollar_is_a_literal_dollar(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("${UNSET:-d}", "d")]
    [InlineData("${EMPTY:-d}", "d")]
    [InlineData("${NAME:-d}", "web")]
    [InlineData("${UNSET-d}", "d")]
    [InlineData("${EMPTY-d}", "")]
    [InlineData("${UNSET:-}", "")]
    [InlineData("${UNSET:-a b:c}", "a b:c")]
    public void Default_forms(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("${NAME:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("${UNSET:+alt}", "")]
    public void Alternative_forms(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("${UNSET:-${NAME}}", "web")]
    [InlineData("${UNSET:-${ALSO_UNSET:-x}}", "x")]
    [InlineData("${UNSET:-${ALSO_UNSET:-${PORT}}}/tcp", "8080/tcp")]
    [InlineData("${NAME:+${PORT}-on}", "8080-on")]
    public void Nested_templates_in_defaults(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("${NAME:?must be set}", "web")]
    [InlineData("${EMPTY?must be set}", "")]
    public void Required_forms_pass_when_set(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("${UNSET:?give me a value}", "required variable UNSET is missing a value: give me a value")]
    [InlineData("${EMPTY:?empty is not enough}", "required variable EMPTY is missing a value: empty is not enough")]
    [InlineData("${UNSET?}", "required variable UNSET is missing a value")]
    public void Required_forms_fail_with_their_message(string template, string expected) => Assert.Equal(expected, ErrorOf(template));

    [Theory]
    [InlineData("${")]
    [InlineData("${NAME")]
    [InlineData("${}")]
    [InlineData("${NAME:x}")]
    [InlineData("${1BAD}")]
    public void Invalid_templates_are_errors(string template) => Assert.Contains("invalid interpolation format", ErrorOf(template));

    [Theory]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("$ 1", "$ 1")]
    [InlineData("echo $(date)", "echo $(date)")]
    [InlineData("$1 and $NAME", "$1 and web")]
    public void Dollar_starting_no_variable_is_kept(string template, string expected) => Assert.Equal(expected, Substitute(template));

    [Fact]
    public void Unset_variables_are_listed_once_each()
    {
        var result = TemplateSubstituter.Substitute("$A ${A} ${B:-x} $C", _ => null);

        Assert.Equal(["A", "C"], result.UnsetVariables);
        Assert.Equal("  x ", result.Value);
    }

    [Fact]
    public void Unused_default_branch_does_not_report_its_variables()
    {
        var result = TemplateSubstituter.Substitute("${NAME:-$UNSET}", name => name == "NAME" ? "web" : null);

        Assert.Empty(result.UnsetVariables);
    }
}
