using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Pipeline;

public sealed class ProjectLoaderTreeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private LoadOptions Options(Dictionary<string, string>? environment = null) => new()
    {
        WorkingDirectory = _folder.Path,
        Environment = environment ?? [],
    };

    [Fact]
    public async Task Discovered_files_are_merged_and_interpolated_with_dot_env()
    {
        _folder.Write(".env", "TAG=1.2\n");
        var main = _folder.Write("compose.yaml", "services:\n  web:\n    image: app:${TAG}\n    ports: [\"80:80\"]\n");
        var overrides = _folder.Write("compose.override.yaml", "services:\n  web:\n    ports: [\"443:443\"]\n");

        var tree = await ProjectLoader.LoadTreeAsync(Options(), CancellationToken.None);

        Assert.Equal("{services: {web: {image: app:1.2, ports: [\"80:80\", \"443:443\"]}}}", Yaml.Render(tree.Root));
        Assert.Equal([main, overrides], tree.ConfigFiles);
        Assert.Equal(_folder.Path, tree.WorkingDirectory);
        Assert.Equal(ProjectNameExpected(), tree.ProjectName);
        Assert.Empty(tree.Warnings);
    }

    private string ProjectNameExpected() => Composer.Loader.Naming.ProjectNameResolver.Normalize(new DirectoryInfo(_folder.Path).Name);

    [Fact]
    public async Task Standard_input_is_read_for_dash()
    {
        var options = Options() with { ConfigFiles = ["-"], StandardInput = new StringReader("name: piped\nservices:\n  web:\n    image: a\n") };

        var tree = await ProjectLoader.LoadTreeAsync(options, CancellationToken.None);

        Assert.Equal("piped", tree.ProjectName);
        Assert.Equal(["<stdin>"], tree.ConfigFiles);
    }

    [Fact]
    public async Task Compose_file_and_project_name_may_come_from_dot_env()
    {
        _folder.Write(".env", "COMPOSE_FILE=one.yaml:two.yaml\nCOMPOSE_PROJECT_NAME=fromenv\n");
        _folder.Write("one.yaml", "services:\n  a:\n    image: a\n");
        _folder.Write("two.yaml", "services:\n  b:\n    image: b\n");

        var tree = await ProjectLoader.LoadTreeAsync(Options(), CancellationToken.None);

        Assert.Equal("fromenv", tree.ProjectName);
        Assert.Equal("{services: {a: {image: a}, b: {image: b}}}", Yaml.Render(tree.Root));
    }

    [Fact]
    public async Task Project_directory_option_moves_dot_env_and_name()
    {
        _folder.Write("elsewhere/.env", "TAG=other\n");
        _folder.Write("compose.yaml", "services:\n  web:\n    image: app:${TAG:-none}\n");
        var options = Options() with { ProjectDirectory = "elsewhere" };

        var tree = await ProjectLoader.LoadTreeAsync(options, CancellationToken.None);

        Assert.Equal("app:other", Yaml.Render(Yaml.At(tree.Root, "services.web.image")));
        Assert.Equal("elsewhere", tree.ProjectName);
    }

    [Fact]
    public async Task No_interpolate_keeps_variables()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: app:${TAG:?}\n");

        var tree = await ProjectLoader.LoadTreeAsync(Options() with { Interpolate = false }, CancellationToken.None);

        Assert.Equal("app:${TAG:?}", Yaml.Render(Yaml.At(tree.Root, "services.web.image")));
    }

    [Fact]
    public async Task Unset_variable_is_a_warning_of_the_result()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: app:$TAG\n");

        var tree = await ProjectLoader.LoadTreeAsync(Options(), CancellationToken.None);

        Assert.Contains("TAG", Assert.Single(tree.Warnings).Message);
    }

    [Fact]
    public async Task Errors_of_every_file_are_reported_together()
    {
        _folder.Write("one.yaml", "services:\n  web:\n    image: a\n    image: b\n");
        _folder.Write("two.yaml", "services:\n  db:\n    image: ${DB:?needed}\n");

        var exception = await Assert.ThrowsAsync<LoadException>(() =>
            ProjectLoader.LoadTreeAsync(Options() with { ConfigFiles = ["one.yaml", "two.yaml"] }, CancellationToken.None));

        Assert.Equal(2, exception.Diagnostics.Count);
        Assert.Contains(exception.Diagnostics, item => item.Mark.File.EndsWith("one.yaml", StringComparison.Ordinal));
        Assert.Contains(exception.Diagnostics, item => item.Mark.File.EndsWith("two.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_compose_file_is_a_load_exception()
    {
        var exception = await Assert.ThrowsAsync<LoadException>(() => ProjectLoader.LoadTreeAsync(Options(), CancellationToken.None));

        Assert.Contains(_folder.Path, Assert.Single(exception.Diagnostics).Message);
    }

    [Fact]
    public async Task Invalid_explicit_project_name_is_a_load_exception()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: a\n");

        var exception = await Assert.ThrowsAsync<LoadException>(() =>
            ProjectLoader.LoadTreeAsync(Options() with { ProjectName = "Bad Name" }, CancellationToken.None));

        Assert.Contains("Bad Name", Assert.Single(exception.Diagnostics).Message);
    }

    [Fact]
    public async Task Extends_and_includes_run_in_the_facade()
    {
        _folder.Write("lib/compose.yaml", "services:\n  db:\n    image: pg\n");
        _folder.Write("compose.yaml", "include: [lib/compose.yaml]\nservices:\n  base:\n    image: b\n    user: u\n  web:\n    extends: base\n    image: w\n");

        var tree = await ProjectLoader.LoadTreeAsync(Options(), CancellationToken.None);

        Assert.Equal("{services: {base: {image: b, user: u}, web: {image: w, user: u}, db: {image: pg}}}", Yaml.Render(tree.Root));
    }
}
