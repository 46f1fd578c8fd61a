namespace Composer.Loader.Validation;

/// <summary>The compiled compose schema: the root every file is checked against and its named definitions.</summary>
internal sealed record CompiledSchema(SchemaNode Root, IReadOnlyDictionary<string, SchemaNode> Definitions);
