using Composer.Loader.Diagnostics;
using Composer.Loader.Naming;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Naming;

public sealed class ProjectNameResolverTests
{
    private static string? Resolve(string? explicitName, Dictionary<string, string> variables, string yaml, string folder, DiagnosticBag? diagnostics = null) =>
        ProjectNameResolver.Resolve(explicitName, variables, Yaml.Read(yaml), folder, diagnostics ?? new DiagnosticBag());

    [Fact]
    public void Explicit_name_wins()
    {
        Assert.Equal("cli", Resolve("cli", new() { ["COMPOSE_PROJECT_NAME"] = "env" }, "name: file\n", "/work/folder"));
    }

    [Fact]
    public void Compose_project_name_variable_comes_next()
    {
        Assert.Equal("env", Resolve(null, new() { ["COMPOSE_PROJECT_NAME"] = "env" }, "name: file\n", "/work/folder"));
    }

    [Fact]
    public void Top_level_name_comes_next()
    {
        Assert.Equal("file", Resolve(null, [], "name: file\n", "/work/folder"));
    }

    [Fact]
    public void Folder_name_is_the_fallback()
    {
        Assert.Equal("folder", Resolve(null, [], "services: {}\n", "/work/folder"));
    }

    [Theory]
    [InlineData("My.Project", "myproject")]
    [InlineData("__under", "under")]
    [InlineData("-dash-first", "dash-first")]
    [InlineData("Web App 2", "webapp2")]
    [InlineData("keep_these-chars", "keep_these-chars")]
    public void Names_from_folder_or_file_are_normalized(string raw, string expected)
    {
        Assert.Equal(expected, ProjectNameResolver.Normalize(raw));
        Assert.Equal(expected, Resolve(null, [], "services: {}\n", "/work/" + raw));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("_leading")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    public void Invalid_explicit_name_is_an_error(string explicitName)
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(Resolve(explicitName, [], "services: {}\n", "/work/folder", diagnostics));
        Assert.Contains(explicitName, Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Name_with_nothing_usable_is_an_error_at_its_mark()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(Resolve(null, [], "services: {}\nname: \"!!!\"\n", "/work/folder", diagnostics));
        Assert.Equal(2, Assert.Single(diagnostics.Items).Mark.Line);
    }
}
