namespace Composer.Model;

/// <summary>A ulimit; the short form (a single number) sets both soft and hard.</summary>
public sealed record Ulimit(long Soft, long Hard);
