using Composer.Loader.Output;
using Composer.Loader.Tests.Conformance;
using Composer.Loader.Tests.Support;
using Composer.Loader.Validation;

namespace Composer.Loader.Tests.Output;

public sealed class TreeYamlWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Keys_keep_their_written_order()
    {
        var yaml = TreeYamlWriter.ToYaml(Yaml.Read("services:\n  zeta:\n    image: z\n  alpha:\n    image: a\nname: demo\n"));

        Assert.Equal("services:\n  zeta:\n    image: z\n  alpha:\n    image: a\nname: demo\n", yaml);
    }

    [Fact]
    public void Uninterpolated_templates_are_printed_as_written()
    {
        var yaml = TreeYamlWriter.ToYaml(Yaml.Read("services:\n  web:\n    image: \"nginx:${TAG:-latest}\"\n    ports:\n      - \"${PORT}:80\"\n    command: echo $$HOME ${A:?must be set}\n"));

        Assert.Contains("nginx:${TAG:-latest}", yaml);
        Assert.Contains("- ${PORT}:80", yaml);
        Assert.Contains("command: echo $$HOME ${A:?must be set}", yaml);
    }

    [Theory]
    [InlineData("port: \"8080\"\n", "port: \"8080\"\n")]
    [InlineData("port: 8080\n", "port: 8080\n")]
    [InlineData("flag: 'yes'\n", "flag: \"yes\"\n")]
    [InlineData("flag: yes\n", "flag: yes\n")]
    [InlineData("time: \"22:22\"\n", "time: \"22:22\"\n")]
    [InlineData("empty: ''\n", "empty: \"\"\n")]
    [InlineData("nothing:\n", "nothing: null\n")]
    [InlineData("tilde: ~\n", "tilde: ~\n")]
    [InlineData("text: 'plain words'\n", "text: plain words\n")]
    [InlineData("\"8080\": key\n", "\"8080\": key\n")]
    [InlineData("map: {}\nlist: []\n", "map: {}\nlist: []\n")]
    public void Scalars_read_back_with_the_type_they_were_written_with(string input, string expected)
    {
        Assert.Equal(expected, TreeYamlWriter.ToYaml(Yaml.Read(input)));
    }

    [Fact]
    public void Text_that_cannot_be_plain_is_quoted()
    {
        var tree = Yaml.Read("a: 'x: y'\nb: '#not a comment'\nc: ' padded '\nd: '*star'\ne: \"\\t-c\"\nf: \"tail\\t\"\ng: \" \\n lines \\n\"\n");

        var reread = Yaml.Read(TreeYamlWriter.ToYaml(tree));

        Assert.Equal(TypedView.Of(tree), TypedView.Of(reread));
    }

    [Fact]
    public void Multi_line_text_is_a_literal_block()
    {
        var yaml = TreeYamlWriter.ToYaml(Yaml.Read("configs:\n  app:\n    content: |\n      line one\n      line two\n"));

        Assert.Equal("configs:\n  app:\n    content: |\n      line one\n      line two\n", yaml);
    }

    [Fact]
    public void Tags_are_kept()
    {
        var tree = Yaml.Read("services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: '1'\n");

        var yaml = TreeYamlWriter.ToYaml(tree);

        Assert.Contains("ports: !reset []", yaml);
        Assert.Contains("environment: !override", yaml);
        Assert.Equal(Yaml.Render(tree), Yaml.Render(Yaml.Read(yaml)));
    }

    [Fact]
    public async Task Merged_tree_without_interpolation_prints_the_templates_of_every_file()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: \"app:${TAG}\"\n    ports:\n      - \"${PORT}:80\"\n");
        _folder.Write("compose.override.yaml", "services:\n  web:\n    environment:\n      LEVEL: ${LEVEL:-info}\n");
        var options = new LoadOptions { WorkingDirectory = _folder.Path, Interpolate = false, ProjectName = "demo" };

        var tree = await ProjectLoader.LoadTreeAsync(options, CancellationToken.None);
        var yaml = TreeYamlWriter.ToYaml(tree);

        Assert.StartsWith("name: demo\nservices:\n  web:\n", yaml);
        Assert.Contains("image: app:${TAG}", yaml);
        Assert.Contains("- ${PORT}:80", yaml);
        Assert.Contains("LEVEL: ${LEVEL:-info}", yaml);
    }

    [Fact]
    public async Task Project_name_written_in_the_file_is_replaced_by_the_resolved_one_at_the_top()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: a\nname: from-file\n");
        var options = new LoadOptions { WorkingDirectory = _folder.Path, Interpolate = false, ProjectName = "from-option" };

        var yaml = TreeYamlWriter.ToYaml(await ProjectLoader.LoadTreeAsync(options, CancellationToken.None));

        Assert.Equal("name: from-option\nservices:\n  web:\n    image: a\n", yaml);
    }

    public static TheoryData<string> LoadableCorpusFiles() =>
        new(ConformanceCorpus.Expectations.Where(pair => !pair.Value.Skip && pair.Value.Valid).Select(pair => pair.Key));

    [Theory]
    [MemberData(nameof(LoadableCorpusFiles))]
    public async Task Uninterpolated_tree_of_each_corpus_file_reads_back_with_the_same_values(string relativePath)
    {
        var fullPath = ConformanceCorpus.FullPath(relativePath);
        var options = new LoadOptions { ConfigFiles = [fullPath], WorkingDirectory = Path.GetDirectoryName(fullPath)!, Interpolate = false };
        var tree = await ProjectLoader.LoadTreeAsync(options, CancellationToken.None);

        var reread = Yaml.Read(TreeYamlWriter.ToYaml(tree.Root));

        // Compared as typed values: a quoted "/bin/true" may come back plain, as long as it is still a string.
        Assert.Equal(TypedView.Of(tree.Root), TypedView.Of(reread));
    }
}
