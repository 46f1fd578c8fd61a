using Composer.Loader.Consistency;
using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;
using Composer.Model;

namespace Composer.Loader.Tests.Consistency;

/// <summary>A service needs something to run (image, build or provider), built for the platform it runs on.</summary>
public sealed class RunnableServiceTests
{
    private static IReadOnlyList<Diagnostic> Check(Service service, string? yaml = null)
    {
        var diagnostics = new DiagnosticBag();
        ConsistencyChecker.Check(Projects.With(service), yaml is null ? null : Yaml.Read(yaml), diagnostics);
        return diagnostics.Items;
    }

    [Fact]
    public void Service_without_image_build_or_provider_is_reported_at_the_service()
    {
        var error = Assert.Single(Check(Projects.Service("app") with { Image = null }, "services:\n  app:\n    env_file: test.env\n"));

        Assert.Equal("services.app", error.Path);
        Assert.Contains("neither an image nor a build context", error.Message);
        Assert.Equal(2, error.Mark.Line);
    }

    [Fact]
    public void Service_with_a_build_only_is_runnable()
    {
        Assert.Empty(Check(Projects.Service("app") with { Image = null, Build = new BuildConfig { Context = "." } }));
    }

    [Fact]
    public void Provider_service_needs_no_image()
    {
        var provider = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["provider"] = new SortedDictionary<string, object?>() });

        Assert.Empty(Check(Projects.Service("model") with { Image = null, Other = provider }));
    }

    [Fact]
    public void Platform_missing_from_build_platforms_is_reported()
    {
        var service = Projects.Service("app") with
        {
            Platform = "linux/riscv64",
            Build = new BuildConfig { Context = ".", Platforms = ["linux/amd64", "linux/arm64"] },
        };

        var error = Assert.Single(Check(service));

        Assert.Equal("services.app.platform", error.Path);
        Assert.Contains("\"linux/riscv64\", which its build.platforms (linux/amd64, linux/arm64) does not include", error.Message);
    }

    [Theory]
    [InlineData("linux/arm64")]
    [InlineData(null)]
    public void Platform_listed_by_build_platforms_or_unset_is_accepted(string? platform)
    {
        var service = Projects.Service("app") with
        {
            Platform = platform,
            Build = new BuildConfig { Context = ".", Platforms = ["linux/amd64", "linux/arm64"] },
        };

        Assert.Empty(Check(service));
    }
}
