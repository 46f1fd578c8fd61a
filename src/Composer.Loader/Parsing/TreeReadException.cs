using Composer.Loader.Tree;

namespace Composer.Loader.Parsing;

/// <summary>Stops reading a file at a problem that leaves no sensible tree to continue with.</summary>
internal sealed class TreeReadException(Mark mark, string message) : Exception(message)
{
    public Mark Mark { get; } = mark;
}
