namespace Composer.Loader.Tests.Fuzz;

/// <summary>What loading one case gave. Only the first two are acceptable.</summary>
internal enum FuzzOutcome
{
    /// <summary>The project loaded and printed as YAML and JSON.</summary>
    Loaded,

    /// <summary>The load failed with errors that each name a file and, for problems in its text, a line and column.</summary>
    Rejected,

    /// <summary>An error without a line and column for a problem inside a file's text.</summary>
    Unlocated,

    /// <summary>An exception other than the loader's own error, or the loader's "unexpected problem" catch-all.</summary>
    Internal,
}
