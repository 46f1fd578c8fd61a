namespace Composer.Loader.Validation;

/// <summary>The JSON kinds a schema's <c>type</c> names; a set of them when the schema accepts several.</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    String = 1,
    Number = 2,
    Integer = 4,
    Boolean = 8,
    Array = 16,
    Object = 32,
    Null = 64,
}
