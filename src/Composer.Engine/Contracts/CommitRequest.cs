namespace Composer.Engine.Contracts;

/// <summary>What <c>commit</c> records in the new image: its name, message, author, Dockerfile changes, and whether the container is paused meanwhile.</summary>
public sealed record CommitRequest
{
    /// <summary>repository[:tag]; null makes an untagged image.</summary>
    public string? Reference { get; init; }
    public string? Message { get; init; }
    public string? Author { get; init; }

    /// <summary>Dockerfile instructions applied to the image (CMD, ENV, LABEL...).</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
    public bool Pause { get; init; } = true;
}
