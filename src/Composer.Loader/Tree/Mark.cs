namespace Composer.Loader.Tree;

/// <summary>Where a node came from: file and 1-based line and column.</summary>
public readonly record struct Mark(string File, int Line, int Column)
{
    public static Mark None { get; } = new(string.Empty, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
