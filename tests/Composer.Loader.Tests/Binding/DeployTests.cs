using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class DeployTests
{
    private const string Deploy = """
        deploy:
          mode: replicated
          replicas: 3
          labels: [tier=web]
          resources:
            limits:
              cpus: "0.50"
              memory: 512M
              pids: 100
            reservations:
              memory: 128m
              devices:
                - capabilities: [gpu]
                  count: 1
          restart_policy:
            condition: on-failure
            delay: 5s
            max_attempts: 3
            window: 2m
          placement:
            constraints: [node.role==manager]
        """;

    [Fact]
    public void Engine_relevant_parts_are_typed()
    {
        var deploy = BindingHarness.Web(Deploy).Deploy!;

        Assert.Equal("replicated", deploy.Mode);
        Assert.Equal(3, deploy.Replicas);
        Assert.Equal("web", deploy.Labels["tier"]);
        Assert.Equal(new ResourceSpec { Cpus = 0.5, Memory = 512L << 20, Pids = 100 }, deploy.Limits);
        Assert.Equal(128L << 20, deploy.Reservations!.Memory);
        Assert.Equal(
            new RestartPolicy { Condition = "on-failure", Delay = TimeSpan.FromSeconds(5), MaxAttempts = 3, Window = TimeSpan.FromMinutes(2) },
            deploy.RestartPolicy);
        Assert.True(deploy.Other.Values.ContainsKey("placement"));
        Assert.Equal(1, Assert.Single(deploy.Reservations.Devices).Count);
        Assert.False(deploy.Other.Values.ContainsKey("resources"));
    }

    [Fact]
    public void Canonical_form_merges_typed_and_generic_parts_back()
    {
        Assert.Equal("""
            deploy:
              labels:
                tier: web
              mode: replicated
              placement:
                constraints:
                  - node.role==manager
              replicas: 3
              resources:
                limits:
                  cpus: 0.5
                  memory: 536870912
                  pids: 100
                reservations:
                  devices:
                    - capabilities:
                        - gpu
                      count: 1
                  memory: 134217728
              restart_policy:
                condition: on-failure
                delay: 5s
                max_attempts: 3
                window: 2m0s

            """, BindingHarness.WebAttributeYaml(Deploy, "deploy"));
    }

    [Fact]
    public void Replicas_set_the_scale()
    {
        Assert.Equal(3, BindingHarness.Web("deploy:\n  replicas: 3").Scale);
        Assert.Equal(2, BindingHarness.Web("scale: 2").Scale);
        Assert.Equal(2, BindingHarness.Web("scale: 2\ndeploy:\n  replicas: 2").Scale);
        Assert.Null(BindingHarness.Web("image: x").Scale);
    }

    [Fact]
    public void Scale_and_replicas_that_disagree_are_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("scale: 2\ndeploy:\n  replicas: 3")));

        Assert.Equal("services.web.scale", diagnostic.Path);
        Assert.Contains("disagree", diagnostic.Message, StringComparison.Ordinal);
    }
}
