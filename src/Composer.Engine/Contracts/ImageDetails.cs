namespace Composer.Engine.Contracts;

/// <summary>An image as the engine describes it.</summary>
public sealed record ImageDetails
{
    /// <summary>sha256:...</summary>
    public required string Id { get; init; }
    public IReadOnlyList<string> RepoTags { get; init; } = [];

    /// <summary>repository@sha256:... names the image was pulled or pushed under (none for an image built here).</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];
    public long Size { get; init; }
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the engine last gave the image a name (pull, tag, build); null when it never recorded one.</summary>
    public DateTimeOffset? LastTagged { get; init; }
}
