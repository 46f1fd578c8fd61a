using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;
using Composer.Loader.Tree;

namespace Composer.Loader.Tests.Parsing;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void Nodes_keep_one_based_line_and_column()
    {
        var root = Yaml.Read("services:\n  web:\n    image: nginx\n");

        var image = Yaml.At(root, "services.web.image");

        Assert.Equal(new Mark("compose.yaml", 3, 12), image.Mark);
        Assert.Equal(new Mark("compose.yaml", 3, 5), ((MappingNode)Yaml.At(root, "services.web")).Entry("image")!.KeyMark);
    }

    [Theory]
    [InlineData("a: 8080", true)]
    [InlineData("a: \"8080\"", false)]
    [InlineData("a: '8080'", false)]
    [InlineData("a: |\n  8080\n", false)]
    [InlineData("a: >\n  8080\n", false)]
    [InlineData("a: !!str 8080", false)]
    public void Only_plain_scalars_are_plain(string yaml, bool expectedPlain)
    {
        var scalar = Assert.IsType<ScalarNode>(Yaml.Read(yaml)["a"]);

        Assert.Equal(expectedPlain, scalar.IsPlain);
    }

    [Fact]
    public void Quoted_null_words_are_not_null()
    {
        var root = Yaml.Read("a: ~\nb: 'null'\nc:\n");

        Assert.True(((ScalarNode)root["a"]!).IsNull);
        Assert.False(((ScalarNode)root["b"]!).IsNull);
        Assert.True(((ScalarNode)root["c"]!).IsNull);
    }

    [Fact]
    public void Reset_and_override_tags_are_kept_on_nodes()
    {
        var root = Yaml.Read("a: !reset []\nb: !override\n  x: 1\nc: !reset null\n");

        Assert.Equal("!reset", root["a"]!.Tag);
        Assert.Equal("!override", root["b"]!.Tag);
        Assert.Equal("!reset", root["c"]!.Tag);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var errors = Yaml.Errors("");

        Assert.Contains(errors, error => error.Message == "empty compose file");
    }

    [Fact]
    public void Comment_only_file_is_an_error()
    {
        var errors = Yaml.Errors("# nothing here\n");

        Assert.Contains(errors, error => error.Message == "empty compose file");
    }

    [Fact]
    public void Several_documents_merge_in_order()
    {
        var root = Yaml.Read("services:\n  web:\n    image: a\n    ports: [\"80:80\"]\n---\nservices:\n  web:\n    image: b\n  db:\n    image: pg\n");

        Assert.Equal("{services: {web: {image: b, ports: [\"80:80\"]}, db: {image: pg}}}", Yaml.Render(root));
    }

    [Fact]
    public void Anchors_do_not_cross_documents()
    {
        var error = Assert.Single(Yaml.Errors("a: &x 1\n---\nb: *x\n"));

        Assert.Equal(3, error.Mark.Line);
    }

    [Fact]
    public void Empty_documents_are_skipped()
    {
        Assert.Equal("{a: 1}", Yaml.Render(Yaml.Read("---\n# nothing\n---\na: 1\n")));
    }

    [Fact]
    public void Top_level_must_be_a_mapping()
    {
        var error = Assert.Single(Yaml.Errors("- a\n- b\n"));

        Assert.Contains("mapping", error.Message);
        Assert.Equal(1, error.Mark.Line);
    }

    [Fact]
    public void Duplicate_key_is_a_located_error()
    {
        var error = Assert.Single(Yaml.Errors("services:\n  web:\n    image: a\n    image: b\n"));

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(4, error.Mark.Line);
        Assert.Contains("duplicate key 'image'", error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Syntax_error_is_located_and_names_the_file()
    {
        var error = Assert.Single(Yaml.Errors("services:\n  web:\n    image: [a, b\n", "/tmp/x/compose.yaml"));

        Assert.Equal("/tmp/x/compose.yaml", error.Mark.File);
        Assert.True(error.Mark.Line > 0);
        Assert.DoesNotContain("Idx:", error.Message);
    }

    [Fact]
    public void Bad_indentation_is_a_located_error()
    {
        var error = Assert.Single(Yaml.Errors("services:\n  web:\n    image: a\n   build: .\n"));

        Assert.True(error.Mark.Line >= 3);
    }
}
