using System.Text.Json;

namespace Composer.Loader.Validation;

/// <summary>
/// Compiles a draft-07 JSON schema into <see cref="SchemaNode"/>s. It knows exactly the keywords the validator
/// enforces; any other keyword stops the compilation, so that a rule added to the schema can never look enforced
/// while being silently skipped.
/// </summary>
internal sealed class SchemaCompiler
{
    private const string DefinitionPrefix = "#/definitions/";

    /// <summary>Keywords that only document the schema.</summary>
    private static readonly HashSet<string> Annotations =
        new(["$schema", "$id", "$comment", "title", "description", "default", "examples"], StringComparer.Ordinal);

    private readonly Dictionary<string, SchemaNode> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaPattern> _patterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definitionNames = new(StringComparer.Ordinal);

    private SchemaCompiler()
    {
    }

    /// <summary>Compiles a whole schema document; throws <see cref="InvalidOperationException"/> on what it cannot enforce.</summary>
    public static CompiledSchema Compile(JsonElement document)
    {
        var compiler = new SchemaCompiler();
        if (document.TryGetProperty("definitions", out var definitions))
        {
            foreach (var definition in definitions.EnumerateObject())
            {
                compiler._definitionNames.Add(definition.Name);
            }

            foreach (var definition in definitions.EnumerateObject())
            {
                compiler._definitions[definition.Name] = compiler.CompileSchema(definition.Value, DefinitionPrefix + definition.Name);
            }
        }

        var root = compiler.CompileSchema(document, "#");
        compiler.RefuseCircularReferences();
        return new CompiledSchema(root, compiler._definitions);
    }

    /// <summary>A definition that is only a $ref to itself (directly or through others) would never resolve.</summary>
    private void RefuseCircularReferences()
    {
        foreach (var (name, definition) in _definitions)
        {
            var current = definition;
            for (var steps = 0; current.ReferenceTarget is { } target; steps++)
            {
                if (steps > _definitions.Count)
                {
                    throw Unsupported("a $ref that leads back to itself", DefinitionPrefix + name);
                }

                current = target;
            }
        }
    }

    private SchemaNode CompileSchema(JsonElement schema, string pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Unsupported($"a {schema.ValueKind} where a schema object was expected", pointer);
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return CompileReference(schema, reference, pointer);
        }

        var types = SchemaTypes.None;
        IReadOnlyList<SchemaConstant> constants = [];
        IReadOnlyDictionary<string, SchemaNode>? properties = null;
        IReadOnlyList<PatternProperty> patternProperties = [];
        SchemaNode? additional = null;
        var forbidsAdditional = false;
        IReadOnlyList<string> required = [];
        int? minProperties = null, maxProperties = null, minItems = null, maxItems = null;
        SchemaNode? items = null;
        var uniqueItems = false;
        double? minimum = null, maximum = null;
        SchemaPattern? pattern = null;
        IReadOnlyList<SchemaNode> anyOf = [], oneOf = [], allOf = [];

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var at = pointer + "/" + keyword.Name;
            switch (keyword.Name)
            {
                case "type":
                    types = CompileTypes(value, at);
                    break;
                case "enum":
                    constants = CompileConstants(value, at);
                    break;
                case "properties":
                    properties = CompileProperties(value, at);
                    break;
                case "patternProperties":
                    patternProperties = CompilePatternProperties(value, at);
                    break;
                case "additionalProperties" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    forbidsAdditional = value.ValueKind == JsonValueKind.False;
                    break;
                case "additionalProperties":
                    additional = CompileSchema(value, at);
                    break;
                case "required":
                    required = Strings(value, at);
                    break;
                case "minProperties":
                    minProperties = Count(value, at);
                    break;
                case "maxProperties":
                    maxProperties = Count(value, at);
                    break;
                case "items":
                    items = CompileSchema(value, at);
                    break;
                case "minItems":
                    minItems = Count(value, at);
                    break;
                case "maxItems":
                    maxItems = Count(value, at);
                    break;
                case "uniqueItems":
                    uniqueItems = value.ValueKind == JsonValueKind.True;
                    break;
                case "minimum":
                    minimum = Number(value, at);
                    break;
                case "maximum":
                    maximum = Number(value, at);
                    break;
                case "pattern":
                    pattern = PatternOf(String(value, at), at);
                    break;
                case "anyOf":
                    anyOf = CompileAll(value, at);
                    break;
                case "oneOf":
                    oneOf = CompileAll(value, at);
                    break;
                case "allOf":
                    allOf = CompileAll(value, at);
                    break;
                case "definitions" when pointer == "#":
                    break;
                case var name when Annotations.Contains(name):
                    break;
                default:
                    throw Unsupported($"the keyword '{keyword.Name}'", pointer);
            }
        }

        return new SchemaNode(pointer)
        {
            Types = types,
            Enum = constants,
            Properties = properties ?? new Dictionary<string, SchemaNode>(StringComparer.Ordinal),
            PatternProperties = patternProperties,
            AdditionalProperties = additional,
            ForbidsAdditionalProperties = forbidsAdditional,
            Required = required,
            MinProperties = minProperties,
            MaxProperties = maxProperties,
            Items = items,
            MinItems = minItems,
            MaxItems = maxItems,
            UniqueItems = uniqueItems,
            Minimum = minimum,
            Maximum = maximum,
            Pattern = pattern,
            AnyOf = anyOf,
            OneOf = oneOf,
            AllOf = allOf,
        };
    }

    private SchemaNode CompileReference(JsonElement schema, JsonElement reference, string pointer)
    {
        // Draft-07 ignores everything beside $ref: a rule written there would never run, so it is refused.
        foreach (var sibling in schema.EnumerateObject())
        {
            if (sibling.Name != "$ref" && !Annotations.Contains(sibling.Name))
            {
                throw Unsupported($"the keyword '{sibling.Name}' beside $ref (draft-07 ignores it)", pointer);
            }
        }

        var target = String(reference, pointer + "/$ref");
        var name = target.StartsWith(DefinitionPrefix, StringComparison.Ordinal) ? target[DefinitionPrefix.Length..] : null;
        if (name is null || !_definitionNames.Contains(name))
        {
            throw Unsupported($"the reference '{target}' (only #/definitions/<name> of this schema resolve)", pointer);
        }

        var definitions = _definitions;
        return new SchemaNode(pointer, new Lazy<SchemaNode>(() => definitions[name], LazyThreadSafetyMode.PublicationOnly));
    }

    // Plain loops rather than LINQ over JsonElement: every LINQ operator over a struct is JIT-compiled anew at start-up.
    private List<SchemaNode> CompileAll(JsonElement value, string pointer)
    {
        var schemas = new List<SchemaNode>();
        foreach (var item in Array(value, pointer))
        {
            schemas.Add(CompileSchema(item, pointer + "/" + schemas.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return schemas;
    }

    private Dictionary<string, SchemaNode> CompileProperties(JsonElement value, string pointer)
    {
        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var property in Object(value, pointer))
        {
            properties[property.Name] = CompileSchema(property.Value, pointer + "/" + property.Name);
        }

        return properties;
    }

    private List<PatternProperty> CompilePatternProperties(JsonElement value, string pointer)
    {
        var patternProperties = new List<PatternProperty>();
        foreach (var property in Object(value, pointer))
        {
            patternProperties.Add(new PatternProperty(PatternOf(property.Name, pointer), CompileSchema(property.Value, pointer + "/" + property.Name)));
        }

        return patternProperties;
    }

    private static List<SchemaConstant> CompileConstants(JsonElement value, string pointer)
    {
        var constants = new List<SchemaConstant>();
        foreach (var item in Array(value, pointer))
        {
            constants.Add(SchemaConstant.From(item, pointer));
        }

        return constants;
    }

    private static List<string> Strings(JsonElement value, string pointer)
    {
        var strings = new List<string>();
        foreach (var item in Array(value, pointer))
        {
            strings.Add(String(item, pointer));
        }

        return strings;
    }

    private SchemaPattern PatternOf(string source, string pointer)
    {
        if (!_patterns.TryGetValue(source, out var pattern))
        {
            try
            {
                pattern = new SchemaPattern(source);
            }
            catch (ArgumentException)
            {
                throw Unsupported($"the pattern '{source}', which is not a valid regular expression,", pointer);
            }

            _patterns[source] = pattern;
        }

        return pattern;
    }

    private static SchemaTypes CompileTypes(JsonElement value, string pointer)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return TypeNamed(value.GetString()!, pointer);
        }

        var types = SchemaTypes.None;
        foreach (var item in Array(value, pointer))
        {
            types |= TypeNamed(String(item, pointer), pointer);
        }

        return types;
    }

    private static SchemaTypes TypeNamed(string name, string pointer) => name switch
    {
        "string" => SchemaTypes.String,
        "number" => SchemaTypes.Number,
        "integer" => SchemaTypes.Integer,
        "boolean" => SchemaTypes.Boolean,
        "array" => SchemaTypes.Array,
        "object" => SchemaTypes.Object,
        "null" => SchemaTypes.Null,
        _ => throw Unsupported($"the type '{name}'", pointer),
    };

    private static JsonElement.ArrayEnumerator Array(JsonElement value, string pointer) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Unsupported("a non-array value", pointer);

    private static JsonElement.ObjectEnumerator Object(JsonElement value, string pointer) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : throw Unsupported("a non-object value", pointer);

    private static string String(JsonElement value, string pointer) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Unsupported("a non-string value", pointer);

    private static int Count(JsonElement value, string pointer) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw Unsupported("a count that is not a non-negative integer", pointer);

    private static double Number(JsonElement value, string pointer) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Unsupported("a non-number value", pointer);

    private static InvalidOperationException Unsupported(string what, string pointer) =>
        new($"The compose schema uses {what} at {pointer}, which the schema validator does not support.");
}
