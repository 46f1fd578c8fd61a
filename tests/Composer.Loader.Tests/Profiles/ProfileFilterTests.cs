using Composer.Loader.Diagnostics;
using Composer.Loader.Profiles;
using Composer.Loader.Tests.Support;
using Composer.Model;

namespace Composer.Loader.Tests.Profiles;

public sealed class ProfileFilterTests
{
    private static (Project Project, DiagnosticBag Diagnostics) Apply(Project project, string[] profiles, string[]? requested = null)
    {
        var diagnostics = new DiagnosticBag();
        return (ProfileFilter.Apply(project, profiles, requested ?? [], null, diagnostics), diagnostics);
    }

    private static readonly Project Sample = Projects.With(
        Projects.Service("web"),
        Projects.Service("debug", ["debug"]),
        Projects.Service("metrics", ["ops", "monitoring"]));

    [Fact]
    public void Services_without_profiles_are_always_enabled()
    {
        var (project, _) = Apply(Sample, []);

        Assert.Equal(["web"], project.Services.Keys);
        Assert.Equal(["debug", "metrics"], project.DisabledServices.Keys);
    }

    [Fact]
    public void Active_profile_enables_its_services()
    {
        var (project, _) = Apply(Sample, ["monitoring"]);

        Assert.Equal(["metrics", "web"], project.Services.Keys);
    }

    [Fact]
    public void Star_enables_every_profile()
    {
        var (project, _) = Apply(Sample, ["*"]);

        Assert.Equal(3, project.Services.Count);
        Assert.Empty(project.DisabledServices);
    }

    [Fact]
    public void Requested_service_is_enabled_whatever_its_profiles()
    {
        var (project, _) = Apply(Sample, [], ["debug"]);

        Assert.Contains("debug", project.Services.Keys);
    }

    [Fact]
    public void Requested_unknown_service_is_an_error()
    {
        var (_, diagnostics) = Apply(Sample, [], ["nope"]);

        Assert.Contains("nope", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Required_dependency_on_a_disabled_service_is_an_error_naming_both()
    {
        var project = Projects.With(Projects.Service("web", null, "db"), Projects.Service("db", ["storage"]));

        var (_, diagnostics) = Apply(project, []);

        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("\"web\"", error.Message);
        Assert.Contains("\"db\"", error.Message);
        Assert.Contains("storage", error.Message);
    }

    [Fact]
    public void Optional_dependency_on_a_disabled_service_is_fine()
    {
        var web = Projects.Service("web") with
        {
            DependsOn = Projects.Map(("db", new ServiceDependency { Required = false })),
        };

        var (_, diagnostics) = Apply(Projects.With(web, Projects.Service("db", ["storage"])), []);

        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Disabled_services_may_depend_on_each_other()
    {
        var (_, diagnostics) = Apply(Projects.With(Projects.Service("a", ["x"], "b"), Projects.Service("b", ["y"])), []);

        Assert.Empty(diagnostics.Items);
    }
}
