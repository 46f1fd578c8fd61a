namespace Composer.Engine.Contracts;

/// <summary>The project uses attributes the engine side cannot apply yet; one problem per line.</summary>
public sealed class UnsupportedServiceException(IReadOnlyList<string> problems)
    : EngineException(string.Join('\n', problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
