using System.Text.Json;
using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class SchemaCompilerTests
{
    [Theory]
    [InlineData("const")]
    [InlineData("if")]
    [InlineData("contains")]
    [InlineData("propertyNames")]
    [InlineData("dependencies")]
    [InlineData("format")]
    [InlineData("minLength")]
    public void A_keyword_the_validator_does_not_enforce_stops_the_compilation(string keyword)
    {
        var schema = """{"type": "object", "properties": {"name": {"type": "string", "KEYWORD": "x"}}}""".Replace("KEYWORD", keyword, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => Compile(schema));

        Assert.Equal($"The compose schema uses the keyword '{keyword}' at #/properties/name, which the schema validator does not support.", error.Message);
    }

    [Fact]
    public void A_keyword_beside_a_reference_stops_the_compilation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compile("""
            {"definitions": {"text": {"type": "string"}}, "properties": {"name": {"$ref": "#/definitions/text", "type": "null"}}}
            """));

        Assert.Contains("the keyword 'type' beside $ref", error.Message, StringComparison.Ordinal);
        Assert.Contains("#/properties/name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#/definitions/missing")]
    [InlineData("other.json#/definitions/text")]
    [InlineData("#/properties/name")]
    public void A_reference_to_anything_but_a_definition_of_the_schema_stops_the_compilation(string reference)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compile(
            """{"definitions": {"text": {"type": "string"}}, "properties": {"name": {"$ref": "REF"}}}""".Replace("REF", reference, StringComparison.Ordinal)));

        Assert.Contains($"the reference '{reference}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_that_refers_only_to_itself_stops_the_compilation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compile("""
            {"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}, "properties": {"v": {"$ref": "#/definitions/a"}}}
            """));

        Assert.Contains("a $ref that leads back to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_pattern_stops_the_compilation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compile("""{"properties": {"v": {"type": "string", "pattern": "^(unclosed$"}}}"""));

        Assert.Contains("the pattern '^(unclosed$'", error.Message, StringComparison.Ordinal);
        Assert.Contains("#/properties/v/pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_name_stops_the_compilation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compile("""{"type": ["string", "text"]}"""));

        Assert.Contains("the type 'text'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_are_accepted_and_ignored()
    {
        var schema = Compile("""{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "x", "$comment": "c", "title": "t", "description": "d", "default": 1, "examples": [], "type": "string"}""");

        Assert.Equal(SchemaTypes.String, schema.Root.Types);
    }

    [Fact]
    public void References_resolve_to_the_shared_definition()
    {
        var schema = Compile("""{"definitions": {"text": {"type": "string"}}, "properties": {"a": {"$ref": "#/definitions/text"}, "b": {"$ref": "#/definitions/text"}}}""");

        Assert.Same(schema.Definitions["text"], schema.Root.Properties["a"].Resolved);
        Assert.Same(schema.Definitions["text"], schema.Root.Properties["b"].Resolved);
    }

    [Fact]
    public void The_embedded_compose_schema_compiles_every_definition()
    {
        var schema = ComposeSchema.Instance;

        Assert.Contains("service", schema.Definitions.Keys);
        Assert.Same(schema.Definitions["service"], schema.Root.Properties["services"].PatternProperties[0].Schema.Resolved);
    }

    [Fact]
    public void The_compiled_schema_is_shared()
    {
        Assert.Same(ComposeSchema.Instance, ComposeSchema.Instance);
    }

    internal static CompiledSchema Compile(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SchemaCompiler.Compile(document.RootElement);
    }
}
