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
    public void Projection_maps_json_pointers_to_value_and_key_marks()
    {
        var root = TestTrees.Parse("""
            services:
              web:
                image: nginx
                ports:
                  - "80:80"
              "a/b~c":
                image: x
            """);

        var projection = JsonProjector.Project(root);

        Assert.Equal(new Mark(TestTrees.DefaultFile, 3, 12), projection.ValueMarks["/services/web/image"]);
        Assert.Equal(new Mark(TestTrees.DefaultFile, 3, 5), projection.KeyMarks["/services/web/image"]);
        Assert.Equal(new Mark(TestTrees.DefaultFile, 5, 9), projection.ValueMarks["/services/web/ports/0"]);
        Assert.Equal(new Mark(TestTrees.DefaultFile, 6, 3), projection.KeyMarks["/services/a~1b~0c"]);
        Assert.Equal(new Mark(TestTrees.DefaultFile, 1, 1), projection.ValueMarks[string.Empty]);
    }

    [Fact]
    public void Dotted_keys_keep_their_own_location()
    {
        // NJsonSchema joins paths with dots; locating by token rather than by path keeps label keys with dots exact.
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
