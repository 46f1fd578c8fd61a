using Composer.Model;
using Composer.Model.Swarm;
using Composer.Planning.Stack;

namespace Composer.Planning.Tests.Stack;

/// <summary>What a compose service becomes on a swarm: names and labels docker stack uses, and the deploy section.</summary>
public sealed class StackTranslationTests
{
    private static SwarmServiceSpec Translate(Service service, Project? project = null) =>
        StackTranslator.Translate((project ?? Stacks.Project("shop")) with
        {
            Services = new SortedDictionary<string, Service>(StringComparer.Ordinal) { [service.Name] = service },
        }, Stacks.NoContents).Services.Single().Spec;

    private static IReadOnlyDictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        new SortedDictionary<string, object?>(entries.ToDictionary(entry => entry.Key, entry => entry.Value), StringComparer.Ordinal);

    [Fact]
    public void Names_and_labels_are_docker_stacks()
    {
        var spec = Translate(Stacks.Service("web") with
        {
            Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "front" },
            Deploy = new Deploy { Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["team"] = "a" } },
        });

        Assert.Equal("shop_web", spec.Name);
        Assert.Equal("shop", spec.Labels[StackLabels.Namespace]);
        Assert.Equal("busybox:local", spec.Labels[StackLabels.Image]);
        Assert.Equal("a", spec.Labels["team"]);
        Assert.Equal("shop", spec.Container.Labels[StackLabels.Namespace]);
        Assert.Equal("front", spec.Container.Labels["tier"]);
        var network = Assert.Single(spec.Networks);
        Assert.Equal("shop_default", network.Target);
        Assert.Equal(["web"], network.Aliases);
    }

    [Fact]
    public void Deploy_section_is_translated()
    {
        var spec = Translate(Stacks.Service("api") with
        {
            Scale = 3,
            Ports = [new ServicePort { Target = 8080, Published = "18090", Mode = "host" }],
            Deploy = new Deploy
            {
                Limits = new ResourceSpec { Cpus = 0.5, Memory = 64 << 20 },
                RestartPolicy = new RestartPolicy { Condition = "on-failure", MaxAttempts = 2 },
                Other = new Extensions(Map(
                    ("endpoint_mode", "dnsrr"),
                    ("placement", Map(("constraints", new List<object?> { "node.labels.zone==a" }), ("max_replicas_per_node", 2L),
                        ("preferences", new List<object?> { Map(("spread", "node.id")) }))),
                    ("update_config", Map(("parallelism", 2L), ("delay", "1s"), ("order", "start-first"), ("failure_action", "rollback"), ("monitor", "500ms"))))),
            },
        });

        Assert.Equal(3UL, spec.Replicas);
        Assert.Equal("dnsrr", spec.EndpointMode);
        Assert.Equal(new SwarmPort { Target = 8080, Published = 18090, Mode = "host" }, Assert.Single(spec.Ports));
        Assert.Equal(["node.labels.zone==a"], spec.Placement!.Constraints);
        Assert.Equal(["node.id"], spec.Placement.Spread);
        Assert.Equal(2UL, spec.Placement.MaxReplicasPerNode);
        Assert.Equal(500_000_000L, spec.Resources!.LimitNanoCpus);
        Assert.Equal(64L << 20, spec.Resources.LimitMemory);
        Assert.Equal(new SwarmRestartPolicy { Condition = "on-failure", MaxAttempts = 2 }, spec.RestartPolicy);
        Assert.Equal(new SwarmUpdatePolicy { Parallelism = 2, Delay = TimeSpan.FromSeconds(1), Order = "start-first", FailureAction = "rollback", Monitor = TimeSpan.FromMilliseconds(500) },
            spec.UpdateConfig);
    }

    [Fact]
    public void A_job_counts_completions_and_a_global_service_has_no_replicas()
    {
        Assert.Equal(2UL, Translate(Stacks.Service("train") with { Scale = 2, Deploy = new Deploy { Mode = "replicated-job" } }).Replicas);
        Assert.Null(Translate(Stacks.Service("agent") with { Deploy = new Deploy { Mode = "global" } }).Replicas);
    }

    [Fact]
    public void Restart_becomes_a_restart_policy()
    {
        Assert.Equal("any", Translate(Stacks.Service("a") with { Restart = "unless-stopped" }).RestartPolicy!.Condition);
        Assert.Equal("none", Translate(Stacks.Service("a") with { Restart = "no" }).RestartPolicy!.Condition);
        Assert.Equal(new SwarmRestartPolicy { Condition = "on-failure", MaxAttempts = 3 }, Translate(Stacks.Service("a") with { Restart = "on-failure:3" }).RestartPolicy);
    }

    [Fact]
    public void Secrets_and_configs_get_docker_stacks_default_targets_and_modes()
    {
        var project = Stacks.Project("shop") with
        {
            Secrets = new SortedDictionary<string, FileObject>(StringComparer.Ordinal) { ["token"] = new() { Name = "shop_token", Content = "x" } },
            Configs = new SortedDictionary<string, FileObject>(StringComparer.Ordinal) { ["page"] = new() { Name = "shop_page", Content = "y" } },
        };

        var spec = Translate(Stacks.Service("web") with
        {
            Secrets = [new FileReference { Source = "token" }],
            Configs = [new FileReference { Source = "page", Mode = 0x180 }],
        }, project);

        Assert.Equal(new SwarmFileReference { ObjectName = "shop_token", Target = "token" }, Assert.Single(spec.Container.Secrets));
        Assert.Equal(new SwarmFileReference { ObjectName = "shop_page", Target = "/page", Mode = 0x180 }, Assert.Single(spec.Container.Configs));
    }

    [Fact]
    public void What_would_behave_differently_is_refused_before_anything_is_sent()
    {
        var refused = Assert.Throws<PlanningException>(() => Translate(Stacks.Service("web") with { Privileged = true, NetworkMode = "host" }));

        Assert.Equal(
            """
            service "web": privileged cannot be deployed to a swarm: swarm services cannot run privileged
            service "web": network_mode cannot be deployed to a swarm: tasks join the stack's overlay networks
            """.ReplaceLineEndings("\n"),
            refused.Message);
    }

    [Fact]
    public void A_service_that_only_builds_is_refused_with_the_reason()
    {
        var refused = Assert.Throws<PlanningException>(() => Translate(Stacks.Service("app") with { Image = null, Build = new BuildConfig { Context = "." } }));

        Assert.Equal("service \"app\": build without image cannot be deployed to a swarm: every node must pull the image; add image: (and use --build --push to publish it)", refused.Message);
    }

    [Fact]
    public void What_leaves_the_application_unaffected_is_a_warning()
    {
        var desired = StackTranslator.Translate(Stacks.Project("shop", Stacks.Service("web") with { ContainerName = "web1" }), Stacks.NoContents);

        Assert.Equal(["service \"web\": container_name is ignored on a swarm: task containers are named <stack>_<service>.<slot>.<task id>"], desired.Warnings);
    }
}
