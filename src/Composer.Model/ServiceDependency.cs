namespace Composer.Model;

public sealed record ServiceDependency
{
    public const string Started = "service_started";
    public const string Healthy = "service_healthy";
    public const string CompletedSuccessfully = "service_completed_successfully";

    public string Condition { get; init; } = Started;
    public bool Restart { get; init; }
    public bool Required { get; init; } = true;
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
