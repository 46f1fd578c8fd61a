namespace Composer.Orchestration.Readiness;

/// <summary>Where a container stands against a condition: keep waiting, satisfied, or never going to be.</summary>
internal sealed record ReadinessVerdict(bool Satisfied, string? Failure)
{
    public static ReadinessVerdict Pending { get; } = new(false, null);
    public static ReadinessVerdict Ready { get; } = new(true, null);

    public static ReadinessVerdict Failed(string failure) => new(false, failure);
}
