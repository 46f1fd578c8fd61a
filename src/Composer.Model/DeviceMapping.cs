namespace Composer.Model;

public sealed record DeviceMapping
{
    public required string Source { get; init; }
    public required string Target { get; init; }
    public string Permissions { get; init; } = "rwm";
}
