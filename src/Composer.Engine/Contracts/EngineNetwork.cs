namespace Composer.Engine.Contracts;

public sealed record EngineNetwork(string Id, string Name, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>When the engine created it; among networks of one name the oldest is the one every run keeps.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Names of the containers attached; only <see cref="IEngine.InspectNetworkAsync"/> fills it (lists leave it empty).</summary>
    public IReadOnlyList<string> Containers { get; init; } = [];
}
