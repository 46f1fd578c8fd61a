namespace Composer.Loader.Tree;

/// <summary>One key of a mapping; keys are always strings here (compose has no other kind).</summary>
public sealed record MappingEntry(string Key, Mark KeyMark, Node Value);
