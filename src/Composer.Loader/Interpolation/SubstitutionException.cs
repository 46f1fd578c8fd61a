namespace Composer.Loader.Interpolation;

/// <summary>Unwinds the recursive substitution at the first problem; never escapes <see cref="TemplateSubstituter"/>.</summary>
internal sealed class SubstitutionException(string message) : Exception(message);
