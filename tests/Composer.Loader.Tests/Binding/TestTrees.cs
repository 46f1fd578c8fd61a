using Composer.Loader.Diagnostics;
using Composer.Loader.Interpolation;
using Composer.Loader.Parsing;
using Composer.Loader.Tree;

namespace Composer.Loader.Tests.Binding;

/// <summary>
/// Reads inline YAML the way the loader reads a file before binding: the real reader, then interpolation with no
/// variables set (so <c>$$</c> means a literal <c>$</c>, exactly as in a compose file).
/// </summary>
internal static class TestTrees
{
    public const string FileName = "compose.yaml";

    public static MappingNode Parse(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, FileName, diagnostics);
        Xunit.Assert.True(root is not null && !diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return new Interpolator(new Dictionary<string, string>(StringComparer.Ordinal), diagnostics).Interpolate(root!);
    }
}
