namespace Composer.Orchestration.Services;

/// <summary>One container of <c>ps</c>. Ports reads like "127.0.0.1:8080->80/tcp, 443/tcp".</summary>
public sealed record PsRow(
    string Id,
    string Name,
    string Service,
    int Number,
    string Image,
    string Command,
    DateTimeOffset Created,
    string State,
    string? Health,
    string Status,
    string Ports,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The ports one by one (ps --format json's Publishers).</summary>
    public IReadOnlyList<Engine.Contracts.PublishedPort> Publishers { get; init; } = [];

    public IReadOnlyList<string> Networks { get; init; } = [];
}
