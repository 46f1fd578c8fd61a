using Composer.Loader.Tree;

namespace Composer.Loader.EnvFiles;

/// <summary>Abandons one bad line of a .env file; the parser reports it and goes on with the next line.</summary>
internal sealed class DotEnvSyntaxException(Mark mark, string message) : Exception(message)
{
    public Mark Mark { get; } = mark;
}
