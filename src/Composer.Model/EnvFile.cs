namespace Composer.Model;

public sealed record EnvFile
{
    /// <summary>Absolute path.</summary>
    public required string Path { get; init; }
    public bool Required { get; init; } = true;
    public string? Format { get; init; }
}
