using Composer.Loader.Diagnostics;
using Composer.Loader.EnvFiles;
using Composer.Loader.Tests.Support;
using Composer.Model;

namespace Composer.Loader.Tests.EnvFiles;

public sealed class EnvFileMergerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Project ProjectWith(Service service, Dictionary<string, string>? variables = null) =>
        Projects.With(service) with { WorkingDirectory = _folder.Path, Environment = variables ?? [] };

    [Fact]
    public void Env_files_fill_the_environment_and_environment_wins()
    {
        var first = _folder.Write("a.env", "A=1\nB=1\n");
        var second = _folder.Write("b.env", "B=2\nC=2\n");
        var service = Projects.Service("web") with
        {
            EnvFiles = [new EnvFile { Path = first }, new EnvFile { Path = second }],
            Environment = Projects.Map<string?>(("C", "3"), ("D", "4")),
        };
        var diagnostics = new DiagnosticBag();

        var merged = EnvFileMerger.Apply(ProjectWith(service), [], diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            new Dictionary<string, string?> { ["A"] = "1", ["B"] = "2", ["C"] = "3", ["D"] = "4" },
            merged.Services["web"].Environment);
    }

    [Fact]
    public void Relative_env_file_is_read_from_the_project_folder()
    {
        _folder.Write("web.env", "A=1\n");
        var service = Projects.Service("web") with { EnvFiles = [new EnvFile { Path = "web.env" }] };

        var merged = EnvFileMerger.Apply(ProjectWith(service), [], new DiagnosticBag());

        Assert.Equal("1", merged.Services["web"].Environment["A"]);
    }

    [Fact]
    public void Bare_name_in_environment_keeps_the_env_file_value()
    {
        var file = _folder.Write("a.env", "A=from-file\n");
        var service = Projects.Service("web") with
        {
            EnvFiles = [new EnvFile { Path = file }],
            Environment = Projects.Map<string?>(("A", null), ("B", null)),
        };

        var merged = EnvFileMerger.Apply(ProjectWith(service), [], new DiagnosticBag());

        Assert.Equal("from-file", merged.Services["web"].Environment["A"]);
        Assert.Null(merged.Services["web"].Environment["B"]);
    }

    [Fact]
    public void Env_file_substitutes_project_variables()
    {
        var file = _folder.Write("a.env", "URL=http://${HOST}:80\nINHERITED\n");
        var service = Projects.Service("web") with { EnvFiles = [new EnvFile { Path = file }] };

        var merged = EnvFileMerger.Apply(ProjectWith(service, new() { ["HOST"] = "db", ["INHERITED"] = "yes" }), [], new DiagnosticBag());

        Assert.Equal("http://db:80", merged.Services["web"].Environment["URL"]);
        Assert.Equal("yes", merged.Services["web"].Environment["INHERITED"]);
    }

    [Fact]
    public void Raw_format_keeps_values_as_written()
    {
        var file = _folder.Write("a.env", "A='quoted' $X\n");
        var service = Projects.Service("web") with { EnvFiles = [new EnvFile { Path = file, Format = "raw" }] };

        var merged = EnvFileMerger.Apply(ProjectWith(service), [], new DiagnosticBag());

        Assert.Equal("'quoted' $X", merged.Services["web"].Environment["A"]);
    }

    [Fact]
    public void Missing_required_env_file_is_an_error()
    {
        var service = Projects.Service("web") with { EnvFiles = [new EnvFile { Path = "missing.env" }] };
        var diagnostics = new DiagnosticBag();

        EnvFileMerger.Apply(ProjectWith(service), [], diagnostics);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("services.web.env_file", error.Path);
        Assert.Contains("missing.env", error.Message);
    }

    [Fact]
    public void Missing_env_file_of_a_service_the_command_does_not_use_is_tolerated()
    {
        var unused = Projects.Service("unused") with { EnvFiles = [new EnvFile { Path = "missing.env" }] };
        var used = Projects.Service("web", null, "db");
        var dependency = Projects.Service("db") with { EnvFiles = [new EnvFile { Path = "db-missing.env" }] };
        var project = Projects.With(unused, used, dependency) with { WorkingDirectory = _folder.Path };
        var diagnostics = new DiagnosticBag();

        EnvFileMerger.Apply(project, ["web"], diagnostics);

        Assert.Contains("db-missing.env", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Missing_optional_env_file_is_tolerated()
    {
        var service = Projects.Service("web") with { EnvFiles = [new EnvFile { Path = "missing.env", Required = false }] };
        var diagnostics = new DiagnosticBag();

        var merged = EnvFileMerger.Apply(ProjectWith(service), [], diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Empty(merged.Services["web"].Environment);
    }
}
