namespace Composer.Orchestration.Providers;

/// <summary>One command's declared parameters; <see cref="HasList"/> is false when the tool gave no list at all.</summary>
public sealed record ProviderParameters(IReadOnlyList<ProviderParameter> Parameters, bool HasList)
{
    public bool Declares(string name) => Parameters.Any(parameter => parameter.Name == name);
}
