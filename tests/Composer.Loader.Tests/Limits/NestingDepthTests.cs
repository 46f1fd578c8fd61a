using Composer.Loader.Binding;
using Composer.Loader.Diagnostics;
using Composer.Loader.Extends;
using Composer.Loader.Interpolation;
using Composer.Loader.Limits;
using Composer.Loader.Merge;
using Composer.Loader.Output;
using Composer.Loader.Parsing;
using Composer.Loader.Validation;
using Composer.Loader.Tests.Support;
using Composer.Loader.Writing;

namespace Composer.Loader.Tests.Limits;

/// <summary>
/// Issue 14: flow collections nested 20,000 deep overflowed the stack (exit 139, nothing printed). The reader refuses
/// nesting deeper than the limit at the collection that crosses it, and everything the reader lets through loads,
/// merges, validates and prints on a stack far smaller than any the composer process runs the loader on.
/// </summary>
public sealed class NestingDepthTests : IDisposable
{
    private const int SmallStackBytes = 512 << 10;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Flow_collections_nested_20000_deep_give_one_located_error(string open, string close)
    {
        var yaml = "x-a: " + string.Concat(Enumerable.Repeat(open, 20_000)) + "1" + string.Concat(Enumerable.Repeat(close, 20_000)) + "\nservices: {}\n";

        var error = Assert.Single(Yaml.Errors(yaml));

        Assert.Equal($"compose.yaml:1:{6 + ((InputLimits.MaxNestingDepth - 1) * open.Length)}: nesting deeper than {InputLimits.MaxNestingDepth} levels", error.ToString());
    }

    [Fact]
    public void Block_mappings_nested_beyond_the_limit_give_one_located_error()
    {
        var lines = Enumerable.Range(0, 400).Select(level => new string(' ', level) + "k:");
        var error = Assert.Single(Yaml.Errors(string.Join('\n', lines) + " leaf\n"));

        Assert.Equal(InputLimits.MaxNestingDepth + 1, error.Mark.Line);
        Assert.Contains("nesting deeper than", error.Message);
    }

    [Fact]
    public void Unclosed_nesting_is_refused_before_the_end_of_the_file_is_read()
    {
        var error = Assert.Single(Yaml.Errors("x-a: " + new string('[', 1_000_000)));

        Assert.Equal(1, error.Mark.Line);
        Assert.Contains("nesting deeper than", error.Message);
    }

    /// <summary>
    /// Nesting just inside the limit, in an extension, in a service, merged over a second file and shared through an
    /// anchor, goes through every recursive walk of the loader (read, interpolate, merge, extends, merge tags, schema
    /// validation, binding, the model and tree writers) on a 512 KiB stack: a sixteenth of the 8 MiB the composer process's
    /// threads usually get. The stages are called one by one so that all of them run on the small thread (the
    /// loader's own awaits would move them to the thread pool); the fuzz worker runs whole loads with every thread's
    /// stack at 512 KiB.
    /// </summary>
    [Fact]
    public void Nesting_at_the_limit_passes_every_stage_on_a_small_stack()
    {
        var deep = InputLimits.MaxNestingDepth - 4;
        var flow = string.Concat(Enumerable.Repeat("{a: [", deep / 2)) + "\"$${X}\"" + string.Concat(Enumerable.Repeat("]}", deep / 2));
        var firstText = $"x-deep: &deep {flow}\nservices:\n  web:\n    image: x\n    x-copy: *deep\n  other:\n    extends: web\n";
        var secondText = $"x-deep: {flow}\nservices:\n  web:\n    x-copy: {flow}\n";

        string? output = null;
        Exception? failure = null;
        var diagnostics = new DiagnosticBag();
        var thread = new Thread(() =>
        {
            try
            {
                var variables = new Dictionary<string, string>(StringComparer.Ordinal);
                var interpolator = new Interpolator(variables, diagnostics);
                var first = interpolator.Interpolate(YamlTreeReader.Read(firstText, "compose.yaml", diagnostics)!);
                var second = interpolator.Interpolate(YamlTreeReader.Read(secondText, "override.yaml", diagnostics)!);
                var merged = TreeMerger.Merge(first, second);
                merged = new ExtendsResolver(_ => null, diagnostics).Resolve(merged, "/project/compose.yaml");
                merged = MergeTagCleaner.Clean(merged);
                SchemaValidator.Validate(merged, diagnostics);
                var project = ProjectBinder.Bind(merged, new BindContext("deep", "/project", ["/project/compose.yaml"], variables), diagnostics);
                output = TreeYamlWriter.ToYaml(merged) + ProjectWriter.ToYaml(project) + ProjectWriter.ToJson(project);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, SmallStackBytes);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Empty(diagnostics.Items);
        Assert.Contains("${X}", output);
    }

    [Fact]
    public async Task Nesting_at_the_limit_loads_through_the_whole_loader()
    {
        var flow = string.Concat(Enumerable.Repeat("[", InputLimits.MaxNestingDepth - 3)) + string.Concat(Enumerable.Repeat("]", InputLimits.MaxNestingDepth - 3));
        var compose = _folder.Write("compose.yaml", $"x-deep: {flow}\nservices:\n  web:\n    image: x\n    x-deep: {flow}\n");

        var result = await ProjectLoader.LoadAsync(new LoadOptions { ConfigFiles = [compose], WorkingDirectory = _folder.Path }, CancellationToken.None);

        Assert.Contains("[[[[", ProjectWriter.ToJson(result.Project).Replace("\n", string.Empty).Replace(" ", string.Empty));
    }
}
