using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

/// <summary>
/// Keywords the validator supports beyond those the compose schema uses today, checked on small schemas so that a
/// rule added to the compose schema is enforced from the start.
/// </summary>
public sealed class SchemaKeywordTests
{
    [Theory]
    [InlineData("v: [a]", "must have at least 2 items")]
    [InlineData("v: [a, b, c, d]", "must have at most 3 items")]
    [InlineData("v: [a, b, a]", "must not repeat an item")]
    [InlineData("v: [1, 1.0]", "must not repeat an item")]
    public void List_size_and_uniqueness_are_enforced(string yaml, string message)
    {
        var finding = Assert.Single(Check("""{"properties": {"v": {"type": "array", "minItems": 2, "maxItems": 3, "uniqueItems": true}}}""", yaml));

        Assert.Equal(message, finding.Message);
        Assert.Equal("v", finding.Path);
    }

    [Fact]
    public void Equal_looking_items_of_different_types_are_not_repeats()
    {
        Assert.Empty(Check("""{"properties": {"v": {"type": "array", "uniqueItems": true}}}""", "v: [1, \"1\", {a: 1}, {a: \"1\"}]"));
    }

    [Theory]
    [InlineData("v: -1", "is too small")]
    [InlineData("v: 65536", "is too big")]
    [InlineData("v: 0x10000", "is too big")]
    public void Number_bounds_are_enforced(string yaml, string message)
    {
        var finding = Assert.Single(Check("""{"properties": {"v": {"type": ["integer", "string"], "minimum": 0, "maximum": 65535}}}""", yaml));

        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void Number_bounds_leave_text_alone()
    {
        Assert.Empty(Check("""{"properties": {"v": {"type": ["integer", "string"], "minimum": 0}}}""", "v: \"-1\""));
    }

    [Fact]
    public void String_pattern_is_enforced_on_strings_only()
    {
        const string schema = """{"properties": {"v": {"type": ["string", "integer"], "pattern": "^[0-9]+[a-z]$"}}}""";

        Assert.Equal("does not match the pattern ^[0-9]+[a-z]$", Assert.Single(Check(schema, "v: m12")).Message);
        Assert.Empty(Check(schema, "v: 12m"));
        Assert.Empty(Check(schema, "v: 12"));
    }

    [Fact]
    public void Mapping_size_is_enforced()
    {
        const string schema = """{"properties": {"v": {"type": "object", "minProperties": 1, "maxProperties": 2}}}""";

        Assert.Equal("must have at least 1 entries", Assert.Single(Check(schema, "v: {}")).Message);
        Assert.Equal("must have at most 2 entries", Assert.Single(Check(schema, "v: {a: 1, b: 2, c: 3}")).Message);
    }

    [Fact]
    public void One_of_rejects_a_value_matching_several_forms()
    {
        const string schema = """{"properties": {"v": {"oneOf": [{"type": "string"}, {"type": "string", "enum": ["a"]}]}}}""";

        Assert.Empty(Check(schema, "v: b"));
        Assert.Equal("matches more than one of the allowed forms", Assert.Single(Check(schema, "v: a")).Message);
        Assert.Equal("must be a string", Assert.Single(Check(schema, "v: 1")).Message);
    }

    [Fact]
    public void All_of_applies_every_part()
    {
        const string schema = """{"properties": {"v": {"allOf": [{"type": "object", "required": ["a"]}, {"required": ["b"]}]}}}""";

        Assert.Equal(
            ["missing required property 'a'", "missing required property 'b'"],
            Check(schema, "v: {c: 1}").Select(finding => finding.Message));
    }

    [Fact]
    public void Additional_properties_may_be_a_schema()
    {
        const string schema = """{"properties": {"known": {}}, "additionalProperties": {"type": "integer"}}""";

        Assert.Empty(Check(schema, "known: x\nother: 1"));
        var finding = Assert.Single(Check(schema, "known: x\nother: x"));
        Assert.Equal("must be an integer", finding.Message);
        Assert.Equal("other", finding.Path);
    }

    [Fact]
    public void Recursive_definitions_validate_nested_values()
    {
        const string schema = """
            {"definitions": {"tree": {"type": "object", "properties": {"leaf": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/tree"}}}, "additionalProperties": false}},
             "properties": {"root": {"$ref": "#/definitions/tree"}}}
            """;

        var finding = Assert.Single(Check(schema, "root:\n  children:\n    - leaf: a\n    - children:\n        - leaf: [b]\n"));

        Assert.Equal("root.children[1].children[0].leaf", finding.Path);
        Assert.Equal("must be a string", finding.Message);
        Assert.Equal(5, finding.Mark.Line);
    }

    [Fact]
    public void Enum_of_numbers_and_booleans_compares_typed_values()
    {
        const string schema = """{"properties": {"v": {"enum": [1, true, null]}}}""";

        Assert.Empty(Check(schema, "v: 0x1"));
        Assert.Empty(Check(schema, "v: True"));
        Assert.Empty(Check(schema, "v: ~"));
        Assert.Equal("must be one of: 1, true, null", Assert.Single(Check(schema, "v: \"1\"")).Message);
    }

    private static List<SchemaFinding> Check(string schemaJson, string yaml)
    {
        var schema = SchemaCompilerTests.Compile(schemaJson);
        var findings = new List<SchemaFinding>();
        new SchemaEvaluator().Check(schema.Root, TestTrees.Parse(yaml), findings);
        return findings;
    }
}
