using Composer.Loader.Diagnostics;
using Composer.Loader.Discovery;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Discovery;

public sealed class ComposeFileLocatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<string> Locate(IReadOnlyList<string> files, string workingDirectory, string? composeFile, DiagnosticBag diagnostics, string? separator = null) =>
        ComposeFileLocator.Locate(files, workingDirectory, composeFile, separator, diagnostics);

    [Fact]
    public void Explicit_files_are_used_in_order_relative_to_the_working_directory()
    {
        var first = _folder.Write("b.yaml", "services: {}");
        var second = _folder.Write("sub/a.yaml", "services: {}");

        var located = Locate(["b.yaml", "sub/a.yaml"], _folder.Path, "ignored.yaml", new DiagnosticBag());

        Assert.Equal([first, second], located);
    }

    [Fact]
    public void Dash_means_standard_input()
    {
        Assert.Equal(["-"], Locate(["-"], _folder.Path, null, new DiagnosticBag()));
    }

    [Fact]
    public void Missing_explicit_file_is_an_error_naming_it()
    {
        var diagnostics = new DiagnosticBag();

        Locate(["nope.yaml"], _folder.Path, null, diagnostics);

        Assert.Contains(System.IO.Path.Combine(_folder.Path, "nope.yaml"), Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Compose_file_variable_is_split_on_colons()
    {
        var first = _folder.Write("one.yaml", "services: {}");
        var second = _folder.Write("two.yaml", "services: {}");

        Assert.Equal([first, second], Locate([], _folder.Path, "one.yaml:two.yaml", new DiagnosticBag()));
    }

    [Fact]
    public void Compose_path_separator_changes_the_split()
    {
        var first = _folder.Write("one.yaml", "services: {}");
        var second = _folder.Write("two.yaml", "services: {}");

        Assert.Equal([first, second], Locate([], _folder.Path, "one.yaml;two.yaml", new DiagnosticBag(), ";"));
    }

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("compose.yml")]
    [InlineData("docker-compose.yml")]
    [InlineData("docker-compose.yaml")]
    public void Default_file_names_are_found(string fileName)
    {
        var expected = _folder.Write(fileName, "services: {}");

        Assert.Equal([expected], Locate([], _folder.Path, null, new DiagnosticBag()));
    }

    [Fact]
    public void Compose_yaml_is_preferred_over_docker_compose_yml()
    {
        var preferred = _folder.Write("compose.yaml", "services: {}");
        _folder.Write("docker-compose.yml", "services: {}");

        Assert.Equal([preferred], Locate([], _folder.Path, null, new DiagnosticBag()));
    }

    [Fact]
    public void Parent_folders_are_searched()
    {
        var expected = _folder.Write("compose.yaml", "services: {}");
        var nested = _folder.Folder("a/b/c");

        Assert.Equal([expected], Locate([], nested, null, new DiagnosticBag()));
    }

    [Theory]
    [InlineData("compose.yaml", "compose.override.yaml")]
    [InlineData("compose.yaml", "compose.override.yml")]
    [InlineData("docker-compose.yml", "docker-compose.override.yml")]
    [InlineData("docker-compose.yml", "docker-compose.override.yaml")]
    public void Matching_override_file_comes_second(string baseName, string overrideName)
    {
        var baseFile = _folder.Write(baseName, "services: {}");
        var overrideFile = _folder.Write(overrideName, "services: {}");

        Assert.Equal([baseFile, overrideFile], Locate([], _folder.Path, null, new DiagnosticBag()));
    }

    [Fact]
    public void Nothing_found_names_the_folder_searched()
    {
        var diagnostics = new DiagnosticBag();
        var empty = _folder.Folder("empty");

        var located = Locate([], empty, null, diagnostics);

        Assert.Empty(located);
        var error = Assert.Single(diagnostics.Items);
        Assert.Contains(empty, error.Message);
        Assert.Contains("compose.yaml", error.Message);
    }
}
