using Composer.Loader.Diagnostics;
using Composer.Loader.Profiles;
using Composer.Loader.Tests.Support;
using Composer.Model;

namespace Composer.Loader.Tests.Profiles;

/// <summary>
/// Naming a service on the command line (docs.docker.com, "Using profiles with Compose", auto-starting profiles and
/// dependency resolution): the named service runs whatever its profiles, with its dependencies; dependencies gated
/// behind another profile must be enabled some other way.
/// </summary>
public sealed class RequestedServiceProfilesTests
{
    private static (Project Project, IReadOnlyList<Diagnostic> Diagnostics) Apply(Project project, string[] requested, string[]? profiles = null)
    {
        var diagnostics = new DiagnosticBag();
        return (ProfileFilter.Apply(project, profiles ?? [], requested, null, diagnostics), diagnostics.Items);
    }

    [Fact]
    public void Named_service_brings_its_dependency_without_profile()
    {
        var project = Projects.With(
            Projects.Service("backend"),
            Projects.Service("db"),
            Projects.Service("db-migrations", ["tools"], "db"));

        var (filtered, diagnostics) = Apply(project, ["db-migrations"]);

        Assert.Empty(diagnostics);
        Assert.Equal(["backend", "db", "db-migrations"], filtered.Services.Keys);
    }

    [Fact]
    public void Named_service_brings_its_dependencies_of_the_same_profile_transitively()
    {
        var project = Projects.With(
            Projects.Service("web"),
            Projects.Service("mock-backend", ["dev"], "cache"),
            Projects.Service("cache", ["dev"], "db"),
            Projects.Service("db", ["dev"]));

        var (filtered, diagnostics) = Apply(project, ["mock-backend"]);

        Assert.Empty(diagnostics);
        Assert.Equal(["cache", "db", "mock-backend", "web"], filtered.Services.Keys);
    }

    [Fact]
    public void Dependency_reached_through_a_service_without_profile_is_brought_too()
    {
        var project = Projects.With(
            Projects.Service("job", ["tools"], "api"),
            Projects.Service("api", null, "queue"),
            Projects.Service("queue", ["tools"]));

        var (filtered, diagnostics) = Apply(project, ["job"]);

        Assert.Empty(diagnostics);
        Assert.Equal(["api", "job", "queue"], filtered.Services.Keys);
    }

    [Fact]
    public void Other_services_of_the_named_service_profile_stay_disabled()
    {
        var project = Projects.With(
            Projects.Service("db-migrations", ["tools"]),
            Projects.Service("db-seed", ["tools"]));

        var (filtered, _) = Apply(project, ["db-migrations"]);

        Assert.Equal(["db-migrations"], filtered.Services.Keys);
        Assert.Equal(["db-seed"], filtered.DisabledServices.Keys);
    }

    [Fact]
    public void Dependency_gated_behind_another_profile_is_an_error()
    {
        var project = Projects.With(
            Projects.Service("phpmyadmin", ["debug"], "db"),
            Projects.Service("db", ["dev"]));

        var (_, diagnostics) = Apply(project, ["phpmyadmin"]);

        var error = Assert.Single(diagnostics);
        Assert.Contains("service \"phpmyadmin\" depends on \"db\", which is disabled: enable one of its profiles (dev)", error.Message);
    }

    [Fact]
    public void Dependency_of_another_profile_loads_when_that_profile_is_active()
    {
        var project = Projects.With(
            Projects.Service("phpmyadmin", ["debug"], "db"),
            Projects.Service("db", ["dev"]));

        var (filtered, diagnostics) = Apply(project, ["phpmyadmin"], ["dev"]);

        Assert.Empty(diagnostics);
        Assert.Equal(["db", "phpmyadmin"], filtered.Services.Keys);
    }

    [Fact]
    public void Without_named_services_profiles_alone_decide()
    {
        var project = Projects.With(
            Projects.Service("web"),
            Projects.Service("db-migrations", ["tools"], "db"),
            Projects.Service("db", ["tools"]));

        var (filtered, diagnostics) = Apply(project, []);

        Assert.Empty(diagnostics);
        Assert.Equal(["web"], filtered.Services.Keys);
    }
}
