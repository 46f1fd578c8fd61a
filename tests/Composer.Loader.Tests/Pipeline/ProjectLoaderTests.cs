using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Pipeline;

public sealed class ProjectLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private LoadOptions Options(Dictionary<string, string>? environment = null) => new()
    {
        WorkingDirectory = _folder.Path,
        Environment = environment ?? [],
    };

    [Fact]
    public async Task Loads_a_project_through_the_binder_and_model_stages()
    {
        _folder.Write("web.env", "FROM_FILE=1\n");
        _folder.Write("compose.yaml", "name: demo\nservices:\n  web:\n    image: a\n    env_file: web.env\n    depends_on: [db]\n  db:\n    image: pg\n  debug:\n    image: d\n    profiles: [debug]\n");

        var result = await ProjectLoader.LoadAsync(Options(), MinimalBinder.Bind, CancellationToken.None);

        Assert.Equal("demo", result.Project.Name);
        Assert.Equal(["db", "web"], result.Project.Services.Keys);
        Assert.Equal(["debug"], result.Project.DisabledServices.Keys);
        Assert.Equal("1", result.Project.Services["web"].Environment["FROM_FILE"]);
    }

    [Fact]
    public async Task Missing_env_file_of_a_disabled_service_does_not_fail_the_load()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: a\n  debug:\n    image: d\n    profiles: [debug]\n    env_file: missing.env\n");

        var result = await ProjectLoader.LoadAsync(Options(), MinimalBinder.Bind, CancellationToken.None);

        Assert.Equal(["debug"], result.Project.DisabledServices.Keys);
    }

    [Fact]
    public async Task Compose_profiles_from_dot_env_enable_services()
    {
        _folder.Write(".env", "COMPOSE_PROFILES=debug, ops\n");
        _folder.Write("compose.yaml", "services:\n  debug:\n    image: d\n    profiles: [debug]\n  other:\n    image: o\n    profiles: [other]\n");

        var result = await ProjectLoader.LoadAsync(Options(), MinimalBinder.Bind, CancellationToken.None);

        Assert.Equal(["debug"], result.Project.Services.Keys);
    }

    [Fact]
    public async Task Profile_option_wins_over_compose_profiles()
    {
        _folder.Write("compose.yaml", "services:\n  debug:\n    image: d\n    profiles: [debug]\n  other:\n    image: o\n    profiles: [other]\n");
        var options = Options(new() { ["COMPOSE_PROFILES"] = "debug" }) with { Profiles = ["other"] };

        var result = await ProjectLoader.LoadAsync(options, MinimalBinder.Bind, CancellationToken.None);

        Assert.Equal(["other"], result.Project.Services.Keys);
    }

    [Fact]
    public async Task Dependency_cycle_fails_the_load_with_located_error()
    {
        _folder.Write("compose.yaml", "services:\n  a:\n    image: a\n    depends_on: [b]\n  b:\n    image: b\n    depends_on: [a]\n");

        var exception = await Assert.ThrowsAsync<LoadException>(() => ProjectLoader.LoadAsync(Options(), MinimalBinder.Bind, CancellationToken.None));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Equal("dependency cycle: a -> b -> a", error.Message);
        Assert.Equal(4, error.Mark.Line);
    }

    [Fact]
    public async Task Unexpected_failure_becomes_a_load_exception_naming_the_file()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: a\n");

        var exception = await Assert.ThrowsAsync<LoadException>(() => ProjectLoader.LoadAsync(
            Options() with { ConfigFiles = ["compose.yaml"] },
            (_, _, _) => throw new InvalidOperationException("boom"),
            CancellationToken.None));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Contains("boom", error.Message);
        Assert.Equal("compose.yaml", error.Mark.File);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_load_error()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: a\n");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProjectLoader.LoadAsync(Options(), MinimalBinder.Bind, cancellation.Token));
    }

    [Fact]
    public async Task Warnings_come_back_with_the_project()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: a:$UNSET_TAG\n");

        var result = await ProjectLoader.LoadAsync(Options(), MinimalBinder.Bind, CancellationToken.None);

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Warnings).Severity);
    }
}
