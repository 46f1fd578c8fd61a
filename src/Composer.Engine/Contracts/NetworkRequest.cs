using Composer.Model;

namespace Composer.Engine.Contracts;

public sealed record NetworkRequest(string ProjectName, string Key, Network Network)
{
    /// <summary>Fingerprint of the network's settings, kept in a label so that a later up sees when they changed.</summary>
    public string? ConfigHash { get; init; }
}
