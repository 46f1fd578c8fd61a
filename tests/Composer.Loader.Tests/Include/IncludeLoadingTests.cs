using Composer.Loader.Diagnostics;
using Composer.Loader.Pipeline;
using Composer.Loader.Tests.Support;
using Composer.Loader.Tree;

namespace Composer.Loader.Tests.Include;

/// <summary>Includes as the tree builder runs them: own folder, own .env, relative paths, cycles.</summary>
public sealed class IncludeLoadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(MappingNode? Root, DiagnosticBag Diagnostics)> BuildAsync(string mainFile, Dictionary<string, string>? variables = null)
    {
        var diagnostics = new DiagnosticBag();
        var builder = new ProjectTreeBuilder(diagnostics, interpolate: true, new Dictionary<string, string>(), null, _folder.Path);
        var root = await builder.BuildAsync([mainFile], variables ?? [], [], CancellationToken.None);
        return (root, diagnostics);
    }

    [Fact]
    public async Task Included_project_uses_its_own_folder_and_dot_env()
    {
        _folder.Write("db/.env", "DB_IMAGE=postgres:16\n");
        _folder.Write("db/compose.yaml", "services:\n  db:\n    image: ${DB_IMAGE}\n    build: ./image\n    env_file: db.env\n");
        var main = _folder.Write("compose.yaml", "include:\n  - db/compose.yaml\nservices:\n  web:\n    image: web\n    depends_on: [db]\n");

        var (root, diagnostics) = await BuildAsync(main);

        Assert.Empty(diagnostics.Items);
        var db = System.IO.Path.Combine(_folder.Path, "db");
        Assert.Equal("postgres:16", Yaml.Render(Yaml.At(root!, "services.db.image")));
        Assert.Equal(System.IO.Path.Combine(db, "image"), Yaml.Render(Yaml.At(root!, "services.db.build")));
        Assert.Equal(System.IO.Path.Combine(db, "db.env"), Yaml.Render(Yaml.At(root!, "services.db.env_file")));
        Assert.False(root!.ContainsKey("include"));
    }

    [Fact]
    public async Task Included_project_directory_and_env_file_can_be_given()
    {
        _folder.Write("lib/compose.yaml", "services:\n  cache:\n    image: ${CACHE_IMAGE}\n    volumes: [\"./data:/data\"]\n");
        _folder.Write("lib/custom.env", "CACHE_IMAGE=redis\n");
        var main = _folder.Write("compose.yaml", "include:\n  - path: lib/compose.yaml\n    project_directory: lib/root\n    env_file: lib/custom.env\n");

        var (root, diagnostics) = await BuildAsync(main);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("redis", Yaml.Render(Yaml.At(root!, "services.cache.image")));
        Assert.Equal($"[\"{System.IO.Path.Combine(_folder.Path, "lib/root/data")}:/data\"]", Yaml.Render(Yaml.At(root!, "services.cache.volumes")));
    }

    [Fact]
    public async Task Unset_variable_warns_once_across_included_projects()
    {
        _folder.Write("lib/compose.yaml", "services:\n  lib:\n    image: lib:${MISSING_TAG}\n");
        var main = _folder.Write("compose.yaml", "include: [lib/compose.yaml]\nservices:\n  web:\n    image: web:${MISSING_TAG}\n");

        var (_, diagnostics) = await BuildAsync(main);

        Assert.Single(diagnostics.Items);
    }

    [Fact]
    public async Task Nested_includes_are_followed()
    {
        _folder.Write("a/compose.yaml", "include: [../b/compose.yaml]\nservices:\n  a:\n    image: a\n");
        _folder.Write("b/compose.yaml", "services:\n  b:\n    image: b\n");
        var main = _folder.Write("compose.yaml", "include: [a/compose.yaml]\nservices:\n  main:\n    image: m\n");

        var (root, diagnostics) = await BuildAsync(main);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["main", "a", "b"], ((MappingNode)root!["services"]!).Entries.Select(entry => entry.Key));
    }

    [Fact]
    public async Task Include_cycle_names_the_chain()
    {
        _folder.Write("a.yaml", "include: [b.yaml]\nservices:\n  a:\n    image: a\n");
        _folder.Write("b.yaml", "include: [a.yaml]\nservices:\n  b:\n    image: b\n");
        var main = _folder.Write("compose.yaml", "include: [a.yaml]\nservices:\n  m:\n    image: m\n");

        var (_, diagnostics) = await BuildAsync(main);

        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("include cycle", error.Message);
        Assert.Contains("a.yaml -> ", error.Message);
        Assert.EndsWith("a.yaml", error.Message);
    }

    [Fact]
    public async Task Missing_included_file_is_an_error()
    {
        var main = _folder.Write("compose.yaml", "include: [missing.yaml]\nservices:\n  m:\n    image: m\n");

        var (_, diagnostics) = await BuildAsync(main);

        Assert.Contains("missing.yaml", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public async Task Conflict_between_includer_and_included_is_an_error()
    {
        _folder.Write("other.yaml", "services:\n  web:\n    image: other\n");
        var main = _folder.Write("compose.yaml", "include: [other.yaml]\nservices:\n  web:\n    image: mine\n");

        var (_, diagnostics) = await BuildAsync(main);

        Assert.Equal("services.web", Assert.Single(diagnostics.Items).Path);
    }
}
