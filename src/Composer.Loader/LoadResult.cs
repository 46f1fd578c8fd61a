using Composer.Loader.Diagnostics;
using Composer.Model;

namespace Composer.Loader;

/// <summary>A loaded project and the warnings met on the way (unset variables, missing optional env files...).</summary>
public sealed record LoadResult(Project Project, IReadOnlyList<Diagnostic> Warnings);
