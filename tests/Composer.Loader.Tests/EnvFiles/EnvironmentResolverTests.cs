using Composer.Loader.Diagnostics;
using Composer.Loader.EnvFiles;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.EnvFiles;

public sealed class EnvironmentResolverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Task<IReadOnlyDictionary<string, string>> Resolve(
        Dictionary<string, string> process, IReadOnlyList<string> envFiles, string projectDirectory, DiagnosticBag diagnostics) =>
        EnvironmentResolver.ResolveAsync(process, envFiles, projectDirectory, diagnostics, CancellationToken.None);

    [Fact]
    public async Task Project_dot_env_is_read_by_default()
    {
        _folder.Write(".env", "TAG=1.0\nCOMPOSE_PROJECT_NAME=demo\n");

        var variables = await Resolve([], [], _folder.Path, new DiagnosticBag());

        Assert.Equal("1.0", variables["TAG"]);
        Assert.Equal("demo", variables["COMPOSE_PROJECT_NAME"]);
    }

    [Fact]
    public async Task Process_environment_wins_over_dot_env()
    {
        _folder.Write(".env", "TAG=from-file\nOTHER=x\n");

        var variables = await Resolve(new() { ["TAG"] = "from-process" }, [], _folder.Path, new DiagnosticBag());

        Assert.Equal("from-process", variables["TAG"]);
        Assert.Equal("x", variables["OTHER"]);
    }

    [Fact]
    public async Task Explicit_env_files_replace_dot_env_and_later_wins()
    {
        _folder.Write(".env", "FROM_DOT_ENV=1\n");
        var first = _folder.Write("a.env", "TAG=a\nONLY_A=1\n");
        var second = _folder.Write("b.env", "TAG=b\n");

        var variables = await Resolve([], [first, second], _folder.Path, new DiagnosticBag());

        Assert.Equal("b", variables["TAG"]);
        Assert.Equal("1", variables["ONLY_A"]);
        Assert.False(variables.ContainsKey("FROM_DOT_ENV"));
    }

    [Fact]
    public async Task Later_env_file_sees_earlier_values()
    {
        var first = _folder.Write("a.env", "BASE=x\n");
        var second = _folder.Write("b.env", "DERIVED=${BASE}-y\n");

        var variables = await Resolve([], [first, second], _folder.Path, new DiagnosticBag());

        Assert.Equal("x-y", variables["DERIVED"]);
    }

    [Fact]
    public async Task Missing_explicit_env_file_is_an_error_naming_it()
    {
        var diagnostics = new DiagnosticBag();
        var missing = System.IO.Path.Combine(_folder.Path, "nope.env");

        await Resolve([], [missing], _folder.Path, diagnostics);

        Assert.Contains(missing, Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public async Task No_dot_env_gives_the_process_environment()
    {
        var variables = await Resolve(new() { ["A"] = "1" }, [], _folder.Path, new DiagnosticBag());

        Assert.Equal("1", Assert.Single(variables).Value);
    }
}
