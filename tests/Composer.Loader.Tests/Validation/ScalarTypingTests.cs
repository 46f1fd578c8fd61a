using Composer.Loader.Tree;
using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class ScalarTypingTests
{
    [Theory]
    [InlineData("~", nameof(SchemaTypes.Null))]
    [InlineData("null", nameof(SchemaTypes.Null))]
    [InlineData("NULL", nameof(SchemaTypes.Null))]
    [InlineData("", nameof(SchemaTypes.Null))]
    [InlineData("true", nameof(SchemaTypes.Boolean))]
    [InlineData("False", nameof(SchemaTypes.Boolean))]
    [InlineData("yes", nameof(SchemaTypes.String))]
    [InlineData("on", nameof(SchemaTypes.String))]
    [InlineData("42", nameof(SchemaTypes.Integer))]
    [InlineData("-7", nameof(SchemaTypes.Integer))]
    [InlineData("0o17", nameof(SchemaTypes.Integer))]
    [InlineData("0x1F", nameof(SchemaTypes.Integer))]
    [InlineData("123456789012345678901234567890", nameof(SchemaTypes.Integer))]
    [InlineData("0.5", nameof(SchemaTypes.Number))]
    [InlineData("1e3", nameof(SchemaTypes.Number))]
    [InlineData(".inf", nameof(SchemaTypes.Number))]
    [InlineData(".nan", nameof(SchemaTypes.Number))]
    [InlineData("22:22", nameof(SchemaTypes.String))]
    [InlineData("512m", nameof(SchemaTypes.String))]
    [InlineData("1_000", nameof(SchemaTypes.String))]
    [InlineData("truest", nameof(SchemaTypes.String))]
    [InlineData("0o19", nameof(SchemaTypes.String))]
    [InlineData("-", nameof(SchemaTypes.String))]
    public void Plain_scalars_follow_the_yaml_1_2_core_schema(string text, string expected)
    {
        var type = ScalarTyping.TypeOf(new ScalarNode(text, isPlain: true, Mark.None));

        Assert.Equal(Enum.Parse<SchemaTypes>(expected), type);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("")]
    public void Quoted_scalars_are_always_strings(string text)
    {
        var type = ScalarTyping.TypeOf(new ScalarNode(text, isPlain: false, Mark.None));

        Assert.Equal(SchemaTypes.String, type);
    }

    [Fact]
    public void Explicit_string_tag_keeps_a_plain_number_as_text()
    {
        var type = ScalarTyping.TypeOf(new ScalarNode("8080", isPlain: true, Mark.None, "tag:yaml.org,2002:str"));

        Assert.Equal(SchemaTypes.String, type);
    }

    [Fact]
    public void Octal_and_hex_values_are_read_in_their_base()
    {
        Assert.Equal(15d, ScalarTyping.NumberOf(new ScalarNode("0o17", true, Mark.None)));
        Assert.Equal(31d, ScalarTyping.NumberOf(new ScalarNode("0x1F", true, Mark.None)));
    }

    [Fact]
    public void Nodes_that_are_not_scalars_are_lists_and_mappings()
    {
        Assert.Equal(SchemaTypes.Array, ScalarTyping.TypeOf(new SequenceNode([], Mark.None)));
        Assert.Equal(SchemaTypes.Object, ScalarTyping.TypeOf(new MappingNode([], Mark.None)));
    }
}
