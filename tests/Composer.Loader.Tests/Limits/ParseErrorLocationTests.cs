using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Limits;

/// <summary>
/// Issue 14: some parse errors had no position and leaked .NET text ("Operation is not valid due to the current
/// state of the object."), and a tab used for indentation was always reported at 1:1.
/// </summary>
public sealed class ParseErrorLocationTests
{
    [Fact]
    public void A_comment_sign_opening_a_flow_mapping_is_reported_where_it_is()
    {
        var error = Assert.Single(Yaml.Errors("x-a: {#a: 1}\nservices:\n  web:\n    image: x\n"));

        Assert.Equal("compose.yaml:1:7: invalid YAML: cannot read the text from here ('#')", error.ToString());
    }

    [Theory]
    [InlineData("services:\n  web:\n\timage: x\n", 3, 1)]
    [InlineData("services:\n  web:\n    image: x\n    labels:\n\t  a: b\n", 5, 1)]
    [InlineData("services:\n  web:\n    image: x\n    ports:\n      -\t\"80\"\n      - \"81\"\n    labels:\n  \t  a: b\n", 8, 3)]
    public void A_tab_used_for_indentation_is_reported_at_the_tab(string yaml, int line, int column)
    {
        var error = Assert.Single(Yaml.Errors(yaml));

        Assert.Equal(line, error.Mark.Line);
        Assert.Equal(column, error.Mark.Column);
        Assert.Contains("tab", error.Message);
    }

    [Theory]
    [InlineData("services:\n  web: {image: x\n")]
    [InlineData("services:\n  web: [a, b\n")]
    [InlineData("x: &a\n  - *a\n")]
    [InlineData("services:\n  web:\n    image: \"x\n")]
    [InlineData("%YAML 1.2\n%YAML 1.2\n---\na: b\n")]
    [InlineData("a: b\n...\n]\n")]
    [InlineData("? [a\n")]
    [InlineData("{")]
    [InlineData("- [")]
    public void Broken_yaml_errors_name_a_line_and_column_and_no_dotnet_text(string yaml)
    {
        foreach (var error in Yaml.Errors(yaml))
        {
            Assert.True(error.Mark.Line > 0, error.ToString());
            Assert.DoesNotContain("Operation is not valid", error.Message);
            Assert.DoesNotContain("Exception", error.Message);
        }
    }
}
