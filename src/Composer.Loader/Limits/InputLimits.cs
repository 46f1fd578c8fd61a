namespace Composer.Loader.Limits;

/// <summary>
/// The most the loader accepts from one input. Each is far beyond what real projects use (the largest compose files
/// seen in the wild, generated ones with a thousand services, are a few MiB; real values and .env files are KiB), yet
/// low enough that a hostile or broken input (<c>-f /dev/zero</c>, flow collections nested 20,000 deep, a chain of
/// self-doubling variables) fails with one located error while the process stays within a few hundred MB and its
/// stack. Crossing any of them is an error, never a silent cut.
/// </summary>
internal static class InputLimits
{
    /// <summary>One compose file (or standard input): 32 MiB; at most this plus one byte is ever read.</summary>
    public const int MaxComposeFileBytes = 32 << 20;

    /// <summary>One .env, <c>--env-file</c> or service <c>env_file</c> file: 4 MiB.</summary>
    public const int MaxEnvFileBytes = 4 << 20;

    /// <summary>
    /// Collections inside collections. Real files stay under 15; 256 leaves room for generated extension data while
    /// keeping every recursive walk of the tree (reading, interpolation, merge, extends, schema validation, writing)
    /// far inside the stacks a load runs on (the process's threads get the stack limit, usually 8 MiB); the tests and
    /// the fuzz worker check it on 512 KiB.
    /// </summary>
    public const int MaxNestingDepth = 256;

    /// <summary>Services in one <c>extends</c> chain: real ones have two or three links; each link is a level of recursion.</summary>
    public const int MaxExtendsChain = 64;

    /// <summary>
    /// Nodes of one document once its aliases are expanded (a "billion laughs" file is a few lines). A thousand services
    /// of a hundred values each are 100,000; each node costs the loader a few hundred bytes, so this keeps a whole
    /// load of the largest file within a few hundred MB.
    /// </summary>
    public const int MaxValues = 250_000;

    /// <summary>One value after substituting its variables: 1 Mi characters.</summary>
    public const int MaxSubstitutedValueLength = 1 << 20;

    /// <summary>All values that held a variable, after substitution, over one load or one env file: 16 Mi characters.</summary>
    public const long MaxSubstitutedTotalLength = 16L << 20;

    public static string Describe(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes >> 10} KiB";
}
