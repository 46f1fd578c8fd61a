using Composer.Loader.Consistency;
using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;
using Composer.Model;

namespace Composer.Loader.Tests.Consistency;

public sealed class ConsistencyCheckerTests
{
    private static IReadOnlyList<Diagnostic> Check(Project project, string? yaml = null)
    {
        var diagnostics = new DiagnosticBag();
        ConsistencyChecker.Check(project, yaml is null ? null : Yaml.Read(yaml), diagnostics);
        return diagnostics.Items;
    }

    [Fact]
    public void Consistent_project_has_no_diagnostics()
    {
        var web = Projects.Service("web", null, "db") with
        {
            Networks = Projects.Map<ServiceNetwork?>(("front", null), ("default", null)),
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }, new ServiceVolume { Type = "bind", Source = "/src", Target = "/src" }],
            Secrets = [new FileReference { Source = "token" }],
        };
        var project = Projects.With(web, Projects.Service("db")) with
        {
            Networks = Projects.Map(("front", new Network { Name = "test_front" })),
            Volumes = Projects.Map(("data", new Volume { Name = "test_data" })),
            Secrets = Projects.Map(("token", new FileObject { Name = "test_token" })),
        };

        Assert.Empty(Check(project));
    }

    [Fact]
    public void Undefined_network_is_reported_at_its_mark()
    {
        var web = Projects.Service("web") with { Networks = Projects.Map<ServiceNetwork?>(("back", null)) };

        var error = Assert.Single(Check(Projects.With(web), "services:\n  web:\n    networks:\n      - back\n"));

        Assert.Contains("undefined network \"back\"", error.Message);
        Assert.Equal(4, error.Mark.Line);
    }

    [Fact]
    public void Undefined_named_volume_is_reported_but_anonymous_and_bind_are_not()
    {
        var web = Projects.Service("web") with
        {
            Volumes =
            [
                new ServiceVolume { Type = "volume", Source = "missing", Target = "/a" },
                new ServiceVolume { Type = "volume", Target = "/anonymous" },
                new ServiceVolume { Type = "bind", Source = "/host", Target = "/b" },
            ],
        };

        Assert.Contains("undefined volume \"missing\"", Assert.Single(Check(Projects.With(web))).Message);
    }

    [Fact]
    public void Undefined_secret_and_config_are_reported()
    {
        var web = Projects.Service("web") with
        {
            Secrets = [new FileReference { Source = "s" }],
            Configs = [new FileReference { Source = "c" }],
        };

        var messages = Check(Projects.With(web)).Select(item => item.Message).ToArray();

        Assert.Contains(messages, message => message.Contains("undefined secret \"s\""));
        Assert.Contains(messages, message => message.Contains("undefined config \"c\""));
    }

    [Fact]
    public void Unknown_dependency_is_an_error_and_optional_one_a_warning()
    {
        var web = Projects.Service("web", null, "ghost");
        var api = Projects.Service("api") with { DependsOn = Projects.Map(("ghost", new ServiceDependency { Required = false })) };

        var diagnostics = Check(Projects.With(web, api));

        Assert.Single(diagnostics, item => item.Severity == DiagnosticSeverity.Error && item.Message.Contains("\"ghost\""));
        Assert.Single(diagnostics, item => item.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Dependency_on_a_disabled_service_is_not_undefined()
    {
        var project = Projects.With(Projects.Service("web", null, "db")) with
        {
            DisabledServices = Projects.Map(("db", Projects.Service("db", ["x"]))),
        };

        Assert.Empty(Check(project));
    }

    [Fact]
    public void Unknown_link_and_volumes_from_are_reported()
    {
        var web = Projects.Service("web") with { Links = ["db:database"], VolumesFrom = ["store:ro", "container:abc"] };

        var messages = Check(Projects.With(web)).Select(item => item.Message).ToArray();

        Assert.Equal(2, messages.Length);
        Assert.Contains(messages, message => message.Contains("links to undefined service \"db\""));
        Assert.Contains(messages, message => message.Contains("undefined service \"store\""));
    }

    [Fact]
    public void Dependency_cycle_is_reported_as_a_full_loop()
    {
        var project = Projects.With(
            Projects.Service("a", null, "b"),
            Projects.Service("b", null, "c"),
            Projects.Service("c", null, "a"),
            Projects.Service("d", null, "a"));

        var error = Assert.Single(Check(project));

        Assert.Equal("dependency cycle: a -> b -> c -> a", error.Message);
    }

    [Fact]
    public void Self_dependency_is_a_cycle()
    {
        Assert.Equal("dependency cycle: a -> a", Assert.Single(Check(Projects.With(Projects.Service("a", null, "a")))).Message);
    }

    [Fact]
    public void Two_separate_cycles_are_both_reported()
    {
        var project = Projects.With(
            Projects.Service("a", null, "b"), Projects.Service("b", null, "a"),
            Projects.Service("x", null, "y"), Projects.Service("y", null, "x"));

        Assert.Equal(2, Check(project).Count);
    }

    [Fact]
    public void Container_name_with_several_replicas_is_an_error()
    {
        var web = Projects.Service("web") with { ContainerName = "fixed", Scale = 2 };

        Assert.Contains("container_name", Assert.Single(Check(Projects.With(web))).Message);
    }

    [Fact]
    public void Network_mode_with_networks_is_an_error()
    {
        var web = Projects.Service("web") with { NetworkMode = "host", Networks = Projects.Map<ServiceNetwork?>(("default", null)) };

        Assert.Contains("network_mode", Assert.Single(Check(Projects.With(web))).Message);
    }

    [Fact]
    public void Network_mode_of_an_unknown_service_is_an_error()
    {
        var web = Projects.Service("web") with { NetworkMode = "service:vpn" };

        Assert.Contains("\"vpn\"", Assert.Single(Check(Projects.With(web))).Message);
    }

    [Fact]
    public void Namespaces_of_unknown_services_are_errors_naming_the_attribute()
    {
        var web = Projects.Service("web") with { Ipc = "service:a", Pid = "service:b", Uts = "container:c" };

        var messages = Check(Projects.With(web)).Select(item => item.Message).ToArray();

        Assert.Equal(
            ["service \"web\" shares the ipc namespace of undefined service \"a\"", "service \"web\" shares the pid namespace of undefined service \"b\""],
            messages);
    }
}
