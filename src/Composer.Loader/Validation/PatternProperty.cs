namespace Composer.Loader.Validation;

/// <summary>One entry of <c>patternProperties</c>: keys matching <see cref="Pattern"/> hold values of <see cref="Schema"/>.</summary>
internal sealed record PatternProperty(SchemaPattern Pattern, SchemaNode Schema);
