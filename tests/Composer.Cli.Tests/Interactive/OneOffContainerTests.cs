using System.Text.RegularExpressions;
using Composer.Model;
using Composer.Orchestration.Interactive;

namespace Composer.Cli.Tests.Interactive;

public sealed class OneOffContainerTests
{
    private static readonly Service Web = new()
    {
        Name = "web",
        Image = "busybox:latest",
        Command = ["httpd"],
        ContainerName = "fixed",
        Restart = "always",
        Environment = new Dictionary<string, string?> { ["MODE"] = "prod" },
        Ports = [new ServicePort { Target = 80, Published = "8080" }],
    };

    [Fact]
    public void Run_leaves_out_the_services_ports_unless_asked_and_adds_its_own()
    {
        var extra = new ServicePort { Target = 81, Published = "9001" };

        Assert.Equal([extra], OneOffContainer.Apply(Web, new RunOptions { Service = "web", Publish = [extra] }).Ports);
        Assert.Equal([Web.Ports[0], extra], OneOffContainer.Apply(Web, new RunOptions { Service = "web", Publish = [extra], ServicePorts = true }).Ports);
    }

    [Fact]
    public void Options_override_command_environment_and_drop_name_and_restart()
    {
        var applied = OneOffContainer.Apply(Web, new RunOptions { Service = "web", Command = ["env"], Environment = ["MODE=test", "X=1"] });

        Assert.Equal(["env"], applied.Command);
        Assert.Equal("test", applied.Environment["MODE"]);
        Assert.Equal("1", applied.Environment["X"]);
        Assert.Null(applied.ContainerName);
        Assert.Null(applied.Restart);
    }

    [Fact]
    public void Default_name_is_project_service_run_and_twelve_hex_digits() =>
        Assert.Matches(new Regex("^demo-web-run-[0-9a-f]{12}$"), OneOffContainer.DefaultName(new Composer.Model.Project { Name = "demo", WorkingDirectory = "/srv/demo" }, "web"));
}
