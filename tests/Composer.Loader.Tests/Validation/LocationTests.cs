using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class LocationTests
{
    [Fact]
    public void Diagnostic_prints_file_line_column_path_and_message()
    {
        var diagnostics = new DiagnosticBag();
        var root = TestTrees.Parse("""
            services:
              web:
                image: nginx
                ports:
                  - 80
                  - false
            """, "stack/compose.yaml");

        SchemaValidator.Validate(root, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("stack/compose.yaml:6:9: services.web.ports[1]: must be a string, number or mapping", diagnostic.ToString());
    }

    [Fact]
    public void Marks_that_came_from_another_file_are_kept()
    {
        // After include or extends a merged tree mixes nodes of several files; each keeps the file it was written in.
        var badValue = new ScalarNode("yes", isPlain: true, new Mark("base.yaml", 12, 7));
        var root = new MappingNode(
            [
                new MappingEntry("services", new Mark("compose.yaml", 1, 1), new MappingNode(
                    [
                        new MappingEntry("web", new Mark("compose.yaml", 2, 3), new MappingNode(
                            [new MappingEntry("ports", new Mark("base.yaml", 11, 5), new SequenceNode([new MappingNode(
                                [new MappingEntry("target", new Mark("base.yaml", 12, 9), new ScalarNode("80", true, new Mark("base.yaml", 12, 17))),
                                 new MappingEntry("published", new Mark("base.yaml", 13, 9), new SequenceNode([badValue], new Mark("base.yaml", 13, 20)))],
                                new Mark("base.yaml", 12, 7))], new Mark("base.yaml", 12, 5)))],
                            new Mark("compose.yaml", 3, 5))),
                    ],
                    new Mark("compose.yaml", 2, 3))),
            ],
            new Mark("compose.yaml", 1, 1));
        var diagnostics = new DiagnosticBag();

        SchemaValidator.Validate(root, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(new Mark("base.yaml", 13, 20), diagnostic.Mark);
        Assert.Equal("services.web.ports[0].published", diagnostic.Path);
        Assert.Equal("must be a string or integer", diagnostic.Message);
    }

    [Fact]
    public void Keys_with_slashes_and_tildes_are_located_at_their_value_and_key()
    {
        // The validator walks the tree itself: no JSON pointer escaping can blur where a key was written.
        var diagnostics = SchemaAssert.Validate("""
            services:
              web:
                image: nginx
                labels:
                  "a/b~c": [x]
                deploy:
                  "a/b~c": 1
            """);

        Assert.Equal(
            ["compose.yaml:5:16: services.web.labels.a/b~c: must be a string, number, boolean or null", "compose.yaml:7:7: services.web.deploy: additional property 'a/b~c' is not allowed"],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void Dotted_keys_keep_their_own_location()
    {
        // Compose paths join keys with dots; the mark comes from the node itself, so label keys with dots stay exact.
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                labels:
                  com.example.team: a
                  com.example.nested:
                    - x
            """);

        Assert.Equal("services.web.labels.com.example.nested", diagnostic.Path);
        Assert.Equal(7, diagnostic.Mark.Line);
        Assert.Equal(9, diagnostic.Mark.Column);
    }

    [Fact]
    public void Diagnostics_come_in_document_order()
    {
        var diagnostics = SchemaAssert.Validate("""
            services:
              b:
                image: 1
              a:
                image: 2
                tty: 3
            """);

        Assert.Equal([3, 5, 6], diagnostics.Select(diagnostic => diagnostic.Mark.Line));
    }

    [Fact]
    public void Validation_is_safe_to_run_in_parallel()
    {
        var yaml = """
            services:
              web:
                image: nginx
                wrongField: 1
            """;

        var counts = Enumerable.Range(0, 16).AsParallel().Select(_ => SchemaAssert.Validate(yaml).Count).ToList();

        Assert.All(counts, count => Assert.Equal(1, count));
    }
}
