using Composer.Loader.Diagnostics;
using Composer.Loader.Interpolation;
using Composer.Loader.Tests.Support;
using Composer.Loader.Tree;

namespace Composer.Loader.Tests.Interpolation;

public sealed class InterpolatorTests
{
    private static (MappingNode Root, DiagnosticBag Diagnostics) Interpolate(string yaml, Dictionary<string, string>? variables = null)
    {
        var diagnostics = new DiagnosticBag();
        var interpolator = new Interpolator(variables ?? new Dictionary<string, string>(), diagnostics);
        return (interpolator.Interpolate(Yaml.Read(yaml)), diagnostics);
    }

    [Fact]
    public void Values_are_substituted()
    {
        var (root, diagnostics) = Interpolate("services:\n  web:\n    image: \"nginx:${TAG}\"\n", new() { ["TAG"] = "1.27" });

        Assert.Equal("\"nginx:1.27\"", Yaml.Render(Yaml.At(root, "services.web.image")));
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Keys_are_never_substituted()
    {
        var (root, _) = Interpolate("services:\n  $NAME:\n    image: a\n", new() { ["NAME"] = "web" });

        Assert.True(((MappingNode)root["services"]!).ContainsKey("$NAME"));
    }

    [Fact]
    public void Interpolated_plain_scalar_stays_plain()
    {
        var (root, _) = Interpolate("x: ${PORT}\ny: \"${PORT}\"\n", new() { ["PORT"] = "8080" });

        Assert.Equal("{x: 8080, y: \"8080\"}", Yaml.Render(root));
    }

    [Fact]
    public void Sequences_and_nested_mappings_are_walked()
    {
        var (root, _) = Interpolate("a:\n  - $X\n  - b:\n      c: ${X}!\n", new() { ["X"] = "1" });

        Assert.Equal("{a: [1, {b: {c: 1!}}]}", Yaml.Render(root));
    }

    [Fact]
    public void Unset_variable_warns_once_and_becomes_empty()
    {
        var (root, diagnostics) = Interpolate("a: $MISSING\nb: x${MISSING}y\n");

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("\"MISSING\"", warning.Message);
        Assert.Equal("a", warning.Path);
        Assert.Equal("{a: \"\", b: xy}", Yaml.Render(root));
    }

    [Fact]
    public void Same_interpolator_warns_once_across_files()
    {
        var diagnostics = new DiagnosticBag();
        var interpolator = new Interpolator(new Dictionary<string, string>(), diagnostics);

        interpolator.Interpolate(Yaml.Read("a: $MISSING\n", "one.yaml"));
        interpolator.Interpolate(Yaml.Read("a: $MISSING\n", "two.yaml"));

        Assert.Single(diagnostics.Items);
    }

    [Fact]
    public void Missing_required_variable_is_an_error_with_mark_and_path()
    {
        var (_, diagnostics) = Interpolate("services:\n  web:\n    image: ${IMAGE:?set IMAGE first}\n");

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("services.web.image", error.Path);
        Assert.Equal(3, error.Mark.Line);
        Assert.Contains("set IMAGE first", error.Message);
    }

    [Fact]
    public void Sequence_items_have_indexed_paths()
    {
        var (_, diagnostics) = Interpolate("services:\n  web:\n    ports:\n      - \"80\"\n      - \"${P:?}\"\n");

        Assert.Equal("services.web.ports[1]", Assert.Single(diagnostics.Items).Path);
    }

    [Fact]
    public void Escaped_dollar_survives()
    {
        var (root, diagnostics) = Interpolate("command: echo $$HOME\n");

        Assert.Equal("echo $HOME", Yaml.Render(root["command"]));
        Assert.Empty(diagnostics.Items);
    }
}
