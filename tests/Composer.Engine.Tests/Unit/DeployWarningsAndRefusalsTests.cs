using Composer.Engine.Tests.Support;
using Composer.Engine.Validation;
using Composer.Model;

namespace Composer.Engine.Tests.Unit;

public sealed class DeployWarningsAndRefusalsTests
{
    [Fact]
    public void Each_swarm_only_deploy_setting_gives_one_warning()
    {
        var service = TestServices.Sleeper("api") with
        {
            Restart = "always",
            Deploy = new Deploy
            {
                Mode = "global",
                Labels = TestServices.Map(("tier", "api")),
                Reservations = new ResourceSpec { Cpus = 0.5 },
                RestartPolicy = new RestartPolicy { Condition = "any" },
                Other = new Extensions(TestServices.Map<object?>(
                    ("placement", TestServices.Map<object?>()),
                    ("update_config", TestServices.Map<object?>()),
                    ("rollback_config", TestServices.Map<object?>()),
                    ("endpoint_mode", "dnsrr"),
                    ("resources", TestServices.Map<object?>(("reservations", TestServices.Map<object?>(("generic_resources", new List<object?>()))))))),
            },
        };

        var warnings = DeployWarnings.For(TestServices.Project("p", service));

        Assert.Equal(9, warnings.Count);
        Assert.All(warnings, warning => Assert.StartsWith("service \"api\": deploy.", warning, StringComparison.Ordinal));
        Assert.Contains("service \"api\": deploy.restart_policy is overridden by restart and is ignored on a single engine", warnings);
        Assert.Contains("service \"api\": deploy.resources.reservations.generic_resources is a swarm scheduling setting and is ignored on a single engine", warnings);
    }

    [Fact]
    public void Replicated_mode_replicas_limits_and_memory_reservations_give_no_warning()
    {
        var service = TestServices.Sleeper("api") with
        {
            Deploy = new Deploy
            {
                Mode = "replicated",
                Replicas = 2,
                Limits = new ResourceSpec { Cpus = 1, Memory = 1 << 20 },
                Reservations = new ResourceSpec { Memory = 1 << 20 },
                RestartPolicy = new RestartPolicy { Condition = "on-failure", MaxAttempts = 3 },
            },
        };

        Assert.Empty(DeployWarnings.For(TestServices.Project("p", service)));
    }

    [Fact]
    public void Provider_services_and_models_are_refused_with_what_is_missing()
    {
        var project = TestServices.Project("p",
            new Service { Name = "db", Other = new Extensions(TestServices.Map<object?>(("provider", TestServices.Map<object?>(("type", "composer-test-cloud"))))) },
            TestServices.Sleeper("chat") with { Other = new Extensions(TestServices.Map<object?>(("models", new List<object?> { "llm" }))) }) with
        {
            Models = new Extensions(TestServices.Map<object?>(("llm", TestServices.Map<object?>(("model", "ai/smollm2"))))),
        };

        var problems = ServiceSupportValidator.Problems(project);

        Assert.Equal(2, problems.Count);
        Assert.Equal("service \"db\": provider type \"composer-test-cloud\" needs the docker-composer-test-cloud plugin, which is not in the docker cli-plugins folders or PATH", problems[1]);
        Assert.StartsWith("service \"chat\": models ", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_models_nobody_uses_are_refused_once()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("app")) with
        {
            Models = new Extensions(TestServices.Map<object?>(("llm", null))),
        };

        Assert.StartsWith("models (llm) ", Assert.Single(ServiceSupportValidator.Problems(project)), StringComparison.Ordinal);
    }
}
