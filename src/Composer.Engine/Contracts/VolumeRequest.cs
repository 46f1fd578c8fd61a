using Composer.Model;

namespace Composer.Engine.Contracts;

public sealed record VolumeRequest(string ProjectName, string Key, Volume Volume)
{
    /// <summary>docker compose's hash of the definition, kept in a label so that a later up sees when it changed.</summary>
    public string? ConfigHash { get; init; }
}
