using Composer.Loader.Merge;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Merge;

internal static class MergeTestHelper
{
    /// <summary>Merges the files in order, cleans merge tags, and renders the result.</summary>
    public static string MergeFiles(params string[] files)
    {
        var merged = Yaml.Read(files[0], "file0.yaml");
        for (var index = 1; index < files.Length; index++)
        {
            merged = TreeMerger.Merge(merged, Yaml.Read(files[index], $"file{index}.yaml"));
        }

        return Yaml.Render(MergeTagCleaner.Clean(merged));
    }

    public static string MergeService(string first, string second) =>
        MergeFiles("services:\n  web:\n" + Indent(first), "services:\n  web:\n" + Indent(second));

    private static string Indent(string text) =>
        string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)) + "\n";
}
