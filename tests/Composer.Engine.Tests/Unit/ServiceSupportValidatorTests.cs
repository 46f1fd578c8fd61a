using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Engine.Validation;
using Composer.Model;

namespace Composer.Engine.Tests.Unit;

public sealed class ServiceSupportValidatorTests
{
    [Fact]
    public void Plain_image_service_is_supported()
    {
        Assert.Empty(ServiceSupportValidator.Problems(TestServices.Project("p", TestServices.Sleeper("app"))));
    }

    [Fact]
    public void Unsupported_attributes_are_refused_naming_service_and_attribute()
    {
        var service = TestServices.Sleeper("web") with
        {
            Secrets = [new FileReference { Source = "token" }],
            Links = ["db"],
            Volumes = [new ServiceVolume { Type = "npipe", Source = @"\\.\pipe\x", Target = "/pipe" }],
            Other = new Extensions(TestServices.Map<object?>(("gpus", "all"))),
        };

        var error = Assert.Throws<UnsupportedServiceException>(() => ServiceSupportValidator.ThrowIfUnsupported(TestServices.Project("p", service)));

        Assert.Equal(
            """
            service "web": secrets are not supported yet
            service "web": links are not supported yet; services reach each other by name on their networks
            service "web": volumes (/pipe) of type npipe are not supported yet
            service "web": gpus is not supported yet
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Build_without_image_is_accepted()
    {
        var service = new Service { Name = "api", Build = new BuildConfig { Context = "/src" } };

        Assert.Empty(ServiceSupportValidator.Problems(TestServices.Project("p", service)));
    }

    [Fact]
    public void Build_from_a_git_context_is_refused()
    {
        var service = new Service { Name = "api", Build = new BuildConfig { Context = "https://github.com/example/app.git" } };

        Assert.Equal(["service \"api\": build context https://github.com/example/app.git is remote; only local directories are supported"],
            ServiceSupportValidator.Problems(TestServices.Project("p", service)));
    }

    [Fact]
    public void Only_the_selected_services_are_checked()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("ok"), TestServices.Sleeper("bad") with { Links = ["ok"] });

        Assert.Empty(ServiceSupportValidator.Problems(project, ["ok"]));
    }
}
