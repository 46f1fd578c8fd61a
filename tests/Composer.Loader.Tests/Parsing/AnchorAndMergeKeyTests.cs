using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Parsing;

public sealed class AnchorAndMergeKeyTests
{
    [Fact]
    public void Alias_repeats_the_anchored_value()
    {
        var root = Yaml.Read("x-env: &env\n  A: 1\nservices:\n  web:\n    environment: *env\n");

        Assert.Equal("{A: 1}", Yaml.Render(Yaml.At(root, "services.web.environment")));
    }

    [Fact]
    public void Merge_key_brings_keys_of_the_alias()
    {
        var root = Yaml.Read("x-base: &base\n  image: a\n  restart: always\nservices:\n  web:\n    <<: *base\n");

        Assert.Equal("{image: a, restart: always}", Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Explicit_key_after_merge_key_wins()
    {
        var root = Yaml.Read("x-base: &base\n  image: a\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: b\n");

        Assert.Equal("b", Yaml.Render(Yaml.At(root, "services.web.image")));
        Assert.Equal("always", Yaml.Render(Yaml.At(root, "services.web.restart")));
    }

    [Fact]
    public void Explicit_key_before_merge_key_wins()
    {
        var root = Yaml.Read("x-base: &base\n  image: a\nservices:\n  web:\n    image: b\n    <<: *base\n");

        Assert.Equal("b", Yaml.Render(Yaml.At(root, "services.web.image")));
    }

    [Fact]
    public void Earlier_merge_source_wins_over_later_one()
    {
        var yaml = "x-a: &a\n  image: first\nx-b: &b\n  image: second\n  user: root\nservices:\n  web:\n    <<: [*a, *b]\n";

        var root = Yaml.Read(yaml);

        Assert.Equal("first", Yaml.Render(Yaml.At(root, "services.web.image")));
        Assert.Equal("root", Yaml.Render(Yaml.At(root, "services.web.user")));
    }

    [Fact]
    public void Merge_key_with_inline_mapping_works()
    {
        var root = Yaml.Read("a:\n  <<: {x: 1}\n  y: 2\n");

        Assert.Equal("{y: 2, x: 1}", Yaml.Render(root["a"]));
    }

    [Fact]
    public void Merge_key_with_a_scalar_is_an_error()
    {
        var error = Assert.Single(Yaml.Errors("a:\n  <<: 3\n"));

        Assert.Contains("merge key", error.Message);
        Assert.Equal(2, error.Mark.Line);
    }

    [Fact]
    public void Unknown_alias_is_a_located_error()
    {
        var error = Assert.Single(Yaml.Errors("a: *missing\n"));

        Assert.Equal(1, error.Mark.Line);
    }

    [Fact]
    public void Exponential_alias_expansion_is_refused()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var level = 0; level < 8; level++)
        {
            var previous = level == 0 ? "a" : "l" + (level - 1);
            yaml += $"l{level}: &l{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n";
        }

        var error = Assert.Single(Yaml.Errors(yaml));

        Assert.Contains("each use of an alias counted in full", error.Message);
    }
}
