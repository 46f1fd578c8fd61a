using Composer.Model;
using Composer.Model.Swarm;
using Composer.Planning.Stack;

namespace Composer.Planning.Tests.Stack;

/// <summary>Golden stack plans: each operation with its cause, and nothing at all when nothing changed.</summary>
public sealed class StackPlanTests
{
    private static readonly ObservedStack Empty = new();

    private static Project Shop() => Stacks.Project("shop",
        Stacks.Service("db"),
        Stacks.Service("web", "db") with
        {
            Secrets = [new FileReference { Source = "token" }],
            Configs = [new FileReference { Source = "page", Target = "/var/www/page.txt" }],
        }) with
    {
        Secrets = new SortedDictionary<string, FileObject>(StringComparer.Ordinal) { ["token"] = new() { Name = "shop_token", Environment = "TOKEN" } },
        Configs = new SortedDictionary<string, FileObject>(StringComparer.Ordinal) { ["page"] = new() { Name = "shop_page", Content = "hello" } },
    };

    private static IReadOnlyDictionary<(SwarmObjectKind, string), ReadOnlyMemory<byte>> Contents(string token = "abc") =>
        Stacks.Contents((SwarmObjectKind.Secret, "token", token), (SwarmObjectKind.Config, "page", "hello"));

    [Fact]
    public void A_new_stack_creates_its_network_objects_and_services_in_dependency_order()
    {
        var plan = Stacks.Plan(Shop(), Empty, contents: Contents());

        Assert.Equal(
            """
            #1 CreateNetwork shop_default (new network)
            #2 CreateSecret shop_token (new secret)
            #3 CreateConfig shop_page (new config)
            #4 CreateService shop_db (new service) <- #1
            #5 CreateService shop_web (new service) after db service_healthy <- #1 #2 #3 #4
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void An_unchanged_redeploy_plans_nothing()
    {
        var first = Stacks.Plan(Shop(), Empty, contents: Contents());

        var again = Stacks.Plan(Shop(), Stacks.After(first, Empty), contents: Contents());

        Assert.Equal("", again.ToString());
    }

    [Fact]
    public void A_new_image_updates_only_that_service()
    {
        var running = Stacks.After(Stacks.Plan(Shop(), Empty, contents: Contents()), Empty);
        var changed = Shop() with
        {
            Services = new SortedDictionary<string, Service>(Shop().Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["db"] = Stacks.Service("db") with { Image = "busybox:v2" },
            },
        };

        var plan = Stacks.Plan(changed, running, contents: Contents());

        Assert.Equal("#1 UpdateService shop_db (image busybox:local -> busybox:v2)", plan.ToString());
    }

    [Fact]
    public void A_replica_count_alone_is_a_scale()
    {
        var running = Stacks.After(Stacks.Plan(Shop(), Empty, contents: Contents()), Empty);
        var scaled = Shop() with
        {
            Services = new SortedDictionary<string, Service>(Shop().Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["db"] = Stacks.Service("db") with { Scale = 3 },
            },
        };

        var plan = Stacks.Plan(scaled, running, contents: Contents());

        Assert.Equal("#1 ScaleService shop_db (replicas 1 -> 3)", plan.ToString());
    }

    [Fact]
    public void A_changed_secret_is_rotated_and_the_old_one_removed_after_the_update()
    {
        var running = Stacks.After(Stacks.Plan(Shop(), Empty, contents: Contents("abc")), Empty);

        var plan = Stacks.Plan(Shop(), running, contents: Contents("new"));

        Assert.Equal(
            """
            #1 CreateSecret shop_token-11507a0e2f5e (content changed, replaces shop_token)
            #2 UpdateService shop_web (secrets shop_token -> shop_token-11507a0e2f5e) after db service_healthy <- #1
            #3 RemoveSecret shop_token (older version of secret token, no longer used) <- #2
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Going_back_to_earlier_content_reuses_nothing_stale_and_plans_one_rotation()
    {
        var first = Stacks.After(Stacks.Plan(Shop(), Empty, contents: Contents("abc")), Empty);
        var second = Stacks.After(Stacks.Plan(Shop(), first, contents: Contents("new")), first);

        var plan = Stacks.Plan(Shop(), second, contents: Contents("abc"));

        Assert.Equal(
            """
            #1 CreateSecret shop_token (content changed, replaces shop_token-11507a0e2f5e)
            #2 UpdateService shop_web (secrets shop_token-11507a0e2f5e -> shop_token) after db service_healthy <- #1
            #3 RemoveSecret shop_token-11507a0e2f5e (older version of secret token, no longer used) <- #2
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void A_service_no_longer_in_the_file_is_removed_only_with_prune()
    {
        var running = Stacks.After(Stacks.Plan(Shop(), Empty, contents: Contents()), Empty);
        var smaller = Shop() with
        {
            Services = new SortedDictionary<string, Service>(StringComparer.Ordinal) { ["db"] = Stacks.Service("db") },
            Secrets = new SortedDictionary<string, FileObject>(StringComparer.Ordinal),
            Configs = new SortedDictionary<string, FileObject>(StringComparer.Ordinal),
        };

        Assert.Equal("! service shop_web is not in the compose file; --prune removes it", Stacks.Plan(smaller, running).ToString());
        Assert.Equal("#1 RemoveService shop_web (not in the compose file (--prune))", Stacks.Plan(smaller, running, prune: true).ToString());
    }

    [Fact]
    public void A_mode_change_replaces_the_service()
    {
        var app = Stacks.Project("app", Stacks.Service("agent"));
        var running = Stacks.After(Stacks.Plan(app, Empty), Empty);
        var global = Stacks.Project("app", Stacks.Service("agent") with { Deploy = new Deploy { Mode = "global" } });

        var plan = Stacks.Plan(global, running);

        Assert.Equal(
            """
            #1 RemoveService app_agent (mode replicated -> global needs a new service)
            #2 CreateService app_agent (replaces the service removed for its mode change) <- #1
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void A_service_deployed_by_docker_is_updated_once()
    {
        var app = Stacks.Project("app", Stacks.Service("web"));
        var spec = StackTranslator.Translate(app, Stacks.NoContents).Services[0].Spec;
        var byDocker = new ObservedStack
        {
            Services = [Stacks.State(spec)],
            Networks = [new SwarmNetworkState("n", "app_default", "overlay", "swarm", new Dictionary<string, string>())],
        };

        Assert.Equal("#1 UpdateService app_web (deployed without Composer's config hash)", Stacks.Plan(app, byDocker).ToString());
    }

    [Fact]
    public void An_external_network_must_exist_with_swarm_scope()
    {
        var app = Stacks.Project("app", Stacks.Service("web")) with
        {
            Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal) { ["default"] = new() { Name = "shared", External = true } },
        };
        var local = new ObservedStack { Networks = [new SwarmNetworkState("n", "shared", "bridge", "local", new Dictionary<string, string>())] };

        Assert.Contains("could not be found", Assert.Throws<PlanningException>(() => Stacks.Plan(app, Empty)).Message);
        Assert.Equal("network shared is declared as external, but it has local scope; a stack needs a swarm-scoped network (driver overlay)",
            Assert.Throws<PlanningException>(() => Stacks.Plan(app, local)).Message);
    }

    [Fact]
    public void An_existing_local_network_of_the_stack_name_is_an_error()
    {
        var app = Stacks.Project("app", Stacks.Service("web"));
        var local = new ObservedStack { Networks = [new SwarmNetworkState("n", "app_default", "bridge", "local", new Dictionary<string, string>())] };

        Assert.StartsWith("network app_default exists with local scope", Assert.Throws<PlanningException>(() => Stacks.Plan(app, local)).Message);
    }

    [Fact]
    public void Without_wait_dependents_are_not_held_back()
    {
        var desired = StackTranslator.Translate(Shop(), Contents());

        var plan = StackPlanner.Plan(desired, Empty, new StackDeployOptions { Wait = false });

        Assert.DoesNotContain("after db", plan.ToString());
    }
}
