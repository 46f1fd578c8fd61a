namespace Composer.Loader.Interpolation;

/// <summary>The outcome of substituting one string: its value, or the error that stops it; plus the unset variables met.</summary>
internal sealed record SubstitutionResult(string Value, string? Error, IReadOnlyList<string> UnsetVariables)
{
    public bool Succeeded => Error is null;
}
