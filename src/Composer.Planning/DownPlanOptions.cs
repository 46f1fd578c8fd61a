namespace Composer.Planning;

public sealed record DownPlanOptions
{
    /// <summary>Also remove named volumes of the project and anonymous volumes of its containers.</summary>
    public bool RemoveVolumes { get; init; }
    public bool RemoveOrphans { get; init; }
    public TimeSpan? Timeout { get; init; }

    /// <summary>--rmi: which of the services' images to remove after their containers.</summary>
    public DownImageRemoval RemoveImages { get; init; }
}
