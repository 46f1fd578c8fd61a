using Composer.Engine.Build;
using Composer.Engine.Tests.Support;
using Composer.Model;

namespace Composer.Engine.Tests.Unit.Build;

public sealed class BuildRequestsTests
{
    [Fact]
    public void A_build_only_service_is_tagged_project_dash_service_plus_its_extra_tags()
    {
        var service = new Service { Name = "api", Build = new BuildConfig { Context = "/src", Tags = ["registry/api:1", "p-api"] } };
        var request = BuildRequests.For(TestServices.Project("p", service), service, BuildOverrides.None);

        Assert.Equal(["p-api", "registry/api:1"], request.Tags);
    }

    [Fact]
    public void The_image_attribute_names_the_built_image()
    {
        var service = new Service { Name = "api", Image = "shop/api:dev", Build = new BuildConfig { Context = "/src" } };

        Assert.Equal(["shop/api:dev"], BuildRequests.For(TestServices.Project("p", service), service, BuildOverrides.None).Tags);
    }

    [Fact]
    public void Command_line_args_win_and_unset_args_are_left_out()
    {
        var service = new Service
        {
            Name = "api",
            Build = new BuildConfig
            {
                Context = "/src",
                Args = TestServices.Map<string?>(("A", "file"), ("B", "file"), ("UNSET", null)),
                NoCache = false,
                ExtraHosts = [new ExtraHost("db", "10.0.0.2")],
            },
        };
        var overrides = new BuildOverrides { Args = TestServices.Map(("B", "cli")), NoCache = true, Pull = true };

        var request = BuildRequests.For(TestServices.Project("p", service), service, overrides);

        Assert.Equal(TestServices.Map(("A", "file"), ("B", "cli")), request.Args);
        Assert.True(request.NoCache);
        Assert.True(request.Pull);
        Assert.Equal(["db:10.0.0.2"], request.ExtraHosts);
    }

    [Fact]
    public void Services_sharing_one_image_are_built_once()
    {
        var first = new Service { Name = "worker", Image = "shop/app", Build = new BuildConfig { Context = "/src" } };
        var second = new Service { Name = "api", Image = "shop/app", Build = new BuildConfig { Context = "/src" } };
        var other = new Service { Name = "web", Build = new BuildConfig { Context = "/web" } };
        var plain = TestServices.Sleeper("db");
        var project = TestServices.Project("p", first, second, other, plain);

        var built = BuildRequests.OnePerImage(project, project.Services.Values);

        Assert.Equal(["api", "web"], built.Select(service => service.Name));
    }

    [Fact]
    public void Build_only_services_get_their_image_name_for_creating_containers()
    {
        var service = new Service { Name = "API", Build = new BuildConfig { Context = "/src" } };
        var project = ImageNames.WithBuiltImageNames(TestServices.Project("p", service, TestServices.Sleeper("db")));

        Assert.Equal("p-api", project.Services["API"].Image);
        Assert.Equal("busybox:latest", project.Services["db"].Image);
    }
}
