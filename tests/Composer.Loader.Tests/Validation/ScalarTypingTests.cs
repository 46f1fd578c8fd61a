using Composer.Loader.Tree;
using Composer.Loader.Validation;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class ScalarTypingTests
{
    [Theory]
    [InlineData("~", JTokenType.Null)]
    [InlineData("null", JTokenType.Null)]
    [InlineData("NULL", JTokenType.Null)]
    [InlineData("", JTokenType.Null)]
    [InlineData("true", JTokenType.Boolean)]
    [InlineData("False", JTokenType.Boolean)]
    [InlineData("yes", JTokenType.String)]
    [InlineData("on", JTokenType.String)]
    [InlineData("42", JTokenType.Integer)]
    [InlineData("-7", JTokenType.Integer)]
    [InlineData("0o17", JTokenType.Integer)]
    [InlineData("0x1F", JTokenType.Integer)]
    [InlineData("9223372036854775807", JTokenType.Integer)]
    [InlineData("123456789012345678901234567890", JTokenType.Float)] // beyond long: NJsonSchema throws on a BigInteger
    [InlineData("0.5", JTokenType.Float)]
    [InlineData("1e3", JTokenType.Float)]
    [InlineData(".inf", JTokenType.Float)]
    [InlineData(".nan", JTokenType.Float)]
    [InlineData("22:22", JTokenType.String)]
    [InlineData("512m", JTokenType.String)]
    [InlineData("1_000", JTokenType.String)]
    public void Plain_scalars_follow_the_yaml_1_2_core_schema(string text, JTokenType expected)
    {
        var json = ScalarTyping.ToJson(new ScalarNode(text, isPlain: true, Mark.None));

        Assert.Equal(expected, json.Type);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("")]
    public void Quoted_scalars_are_always_strings(string text)
    {
        var json = ScalarTyping.ToJson(new ScalarNode(text, isPlain: false, Mark.None));

        Assert.Equal(JTokenType.String, json.Type);
        Assert.Equal(text, json.Value<string>());
    }

    [Fact]
    public void Explicit_string_tag_keeps_a_plain_number_as_text()
    {
        var json = ScalarTyping.ToJson(new ScalarNode("8080", isPlain: true, Mark.None, "tag:yaml.org,2002:str"));

        Assert.Equal(JTokenType.String, json.Type);
    }

    [Fact]
    public void Octal_and_hex_values_are_read_in_their_base()
    {
        Assert.Equal(15L, ScalarTyping.ToJson(new ScalarNode("0o17", true, Mark.None)).Value<long>());
        Assert.Equal(31L, ScalarTyping.ToJson(new ScalarNode("0x1F", true, Mark.None)).Value<long>());
    }
}
