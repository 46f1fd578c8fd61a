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
            Volumes = [new ServiceVolume { Type = "npipe", Source = @"\\.\pipe\x", Target = "/pipe" }],
            Other = new Extensions(TestServices.Map<object?>(("gpus", "all"))),
        };

        var error = Assert.Throws<UnsupportedServiceException>(() => ServiceSupportValidator.ThrowIfUnsupported(TestServices.Project("p", service)));

        Assert.Equal(
            """
            service "web": secrets (token) use secret "token" that is not declared under the top-level secrets
            service "web": volumes (/pipe) of type npipe are not supported yet
            service "web": gpus is not supported yet
            """.ReplaceLineEndings("\n"),
            error.Message);
    }

    [Fact]
    public void Sharing_the_uts_or_cgroup_namespace_of_another_service_is_refused()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("db"), TestServices.Sleeper("app") with { Uts = "service:db", Cgroup = "service:db" });

        Assert.Equal(
            [
                "service \"app\": uts service:db cannot be shared: the engine gives a container the host's uts namespace or its own",
                "service \"app\": cgroup service:db cannot be shared: the engine's cgroup namespace modes are host and private",
            ],
            ServiceSupportValidator.Problems(project));
        Assert.Empty(ServiceSupportValidator.Problems(TestServices.Project("p", TestServices.Sleeper("app") with { Uts = "host", Cgroup = "private" })));
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
        var project = TestServices.Project("p", TestServices.Sleeper("ok"), TestServices.Sleeper("bad") with { Configs = [new FileReference { Source = "missing" }] });

        Assert.Empty(ServiceSupportValidator.Problems(project, ["ok"]));
    }

    [Fact]
    public void File_content_and_set_environment_secrets_configs_and_links_are_supported()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("db"), TestServices.Sleeper("app") with
        {
            Secrets = [new FileReference { Source = "password" }, new FileReference { Source = "token" }],
            Configs = [new FileReference { Source = "settings", Target = "/etc/app.conf" }],
            Links = ["db:database"],
            ExternalLinks = ["legacy"],
        }) with
        {
            Environment = new Dictionary<string, string> { ["TOKEN"] = "t0k3n" },
            Secrets = TestServices.Map(
                ("password", new FileObject { Name = "p_password", File = "/tmp/password.txt" }),
                ("token", new FileObject { Name = "p_token", Environment = "TOKEN" })),
            Configs = TestServices.Map(("settings", new FileObject { Name = "p_settings", Content = "a=1" })),
        };

        Assert.Empty(ServiceSupportValidator.Problems(project));
    }

    [Fact]
    public void External_unset_environment_and_empty_secrets_are_refused()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("app") with
        {
            Secrets = [new FileReference { Source = "swarm" }, new FileReference { Source = "unset" }],
            Configs = [new FileReference { Source = "empty" }],
        }) with
        {
            Secrets = TestServices.Map(
                ("swarm", new FileObject { Name = "swarm", External = true }),
                ("unset", new FileObject { Name = "p_unset", Environment = "COMPOSER_TEST_SURELY_UNSET_42" })),
            Configs = TestServices.Map(("empty", new FileObject { Name = "p_empty" })),
        };

        Assert.Equal(
            [
                "service \"app\": secrets (swarm) use external secret \"swarm\": external secrets are swarm objects, a single engine has none",
                "service \"app\": secrets (unset) use secret \"unset\" from environment variable COMPOSER_TEST_SURELY_UNSET_42, which is not set",
                "service \"app\": configs (empty) use config \"empty\" that has no file, environment or content",
            ],
            ServiceSupportValidator.Problems(project));
    }

    [Fact]
    public void A_service_mac_address_that_contradicts_its_first_networks_is_refused()
    {
        var service = TestServices.Sleeper("web") with
        {
            MacAddress = "02:42:ac:11:00:02",
            Networks = TestServices.Map<ServiceNetwork?>(("back", new ServiceNetwork { MacAddress = "02:42:ac:11:00:03" }), ("front", null)),
        };
        var project = TestServices.Project("p", service) with
        {
            Networks = TestServices.Map(("back", new Network { Name = "p_back" }), ("front", new Network { Name = "p_front" })),
        };

        Assert.Equal(
            ["service \"web\": mac_address 02:42:ac:11:00:02 differs from networks.back.mac_address 02:42:ac:11:00:03, the first network's, which it would set too"],
            ServiceSupportValidator.Problems(project));
        Assert.Empty(ServiceSupportValidator.Problems(project.With(service with
        {
            Networks = TestServices.Map<ServiceNetwork?>(("back", new ServiceNetwork { MacAddress = "02:42:AC:11:00:02" }), ("front", new ServiceNetwork { MacAddress = "02:42:ac:11:00:09" })),
        })));
    }
}
