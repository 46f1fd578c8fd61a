using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;
using Composer.Planning.Providers;

namespace Composer.Planning.Tests;

/// <summary>
/// Provider services (<c>provider:</c>) in plans: their tool's up and down as steps of their own, no containers, no
/// waits; and the variables the tool sets given to the dependents' environment (and so their config hash).
/// </summary>
public sealed class ProviderPlanTests
{
    private static readonly Project CloudDb = Projects.Project("shop",
        Provider("db", "awesomecloud", ("type", "mysql"), ("size", 256L)),
        Projects.Service("web", "db"),
        Projects.Service("cache"));

    private static Service Provider(string name, string type, params (string Key, object? Value)[] options) => new()
    {
        Name = name,
        Other = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["provider"] = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["type"] = type,
                ["options"] = new SortedDictionary<string, object?>(options.ToDictionary(option => option.Key, option => option.Value), StringComparer.Ordinal),
            },
        }),
    };

    [Fact]
    public void A_dry_run_up_runs_the_provider_in_dependency_order_and_its_dependents_are_created_after_it_without_waiting_on_a_container()
    {
        var plan = Planner.PlanUp(CloudDb, ObservedState.Empty, new UpPlanOptions { PlanProviders = true });

        Assert.Equal(
            """
            #1 CreateNetwork shop_default (missing)
            #2 CreateContainer shop-cache-1 <- #1 (scale 0 -> 1)
            #3 StartContainer shop-cache-1 <- #2 (scale 0 -> 1)
            #4 ProviderUp db by awesomecloud (provider service; its variables go to web)
            #5 CreateContainer shop-web-1 <- #1 #4 (scale 0 -> 1)
            #6 StartContainer shop-web-1 <- #5 (scale 0 -> 1)
            ! provider service "db" does not run in a dry run: web planned without the variables it would set
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void A_provider_that_depends_on_a_container_service_runs_once_it_meets_its_condition()
    {
        var project = Projects.Project("p",
            Projects.Service("seed"),
            Provider("db", "cloud") with { DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal) { ["seed"] = new() { Condition = ServiceDependency.Healthy } } },
            Projects.Service("web", "db"));

        var dryRun = Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions { PlanProviders = true });
        var providerRun = Planner.PlanProviderUp(project, ["db"]);

        Assert.Equal(
            """
            #1 CreateNetwork p_default (missing)
            #2 CreateContainer p-seed-1 <- #1 (scale 0 -> 1)
            #3 StartContainer p-seed-1 <- #2 (scale 0 -> 1)
            #4 WaitForDependency seed service_healthy <- #3
            #5 ProviderUp db by cloud <- #4 (provider service; its variables go to web)
            #6 CreateContainer p-web-1 <- #1 #5 (scale 0 -> 1)
            #7 StartContainer p-web-1 <- #6 (scale 0 -> 1)
            ! provider service "db" does not run in a dry run: web planned without the variables it would set
            """.ReplaceLineEndings("\n"),
            dryRun.ToString());

        // A real up has started seed when it runs the provider: the wait is all that is left before the tool.
        Assert.Equal(
            """
            #1 WaitForDependency seed service_healthy
            #2 ProviderUp db by cloud <- #1 (provider service; its variables go to web)
            """.ReplaceLineEndings("\n"),
            providerRun.ToString());
    }

    [Fact]
    public void A_real_up_plans_no_provider_step_and_no_container_for_the_provider_service()
    {
        var plan = Planner.PlanUp(CloudDb, ObservedState.Empty, new UpPlanOptions());

        Assert.DoesNotContain("db", plan.ToString().Replace("shop_default", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(
            """
            #1 ProviderUp db by awesomecloud (provider service; its variables go to web)
            """.ReplaceLineEndings("\n"),
            Planner.PlanProviderUp(CloudDb, ["db", "web"]).ToString());
        Assert.True(Planner.PlanProviderUp(CloudDb, ["cache"]).IsEmpty);

        // A dependent alone (up --no-deps web, a watch rebuild) still gets its provider's answer.
        Assert.Equal(["db"], Planner.ProvidersToRun(CloudDb, ["web"]));
        Assert.Empty(Planner.ProvidersToRun(CloudDb, ["cache"]));
        Assert.Contains("ProviderUp db", Planner.PlanUp(CloudDb, ObservedState.Empty, new UpPlanOptions { PlanProviders = true, NoDeps = true, Services = ["web"] }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_that_depend_on_providers_run_after_them_and_go_down_before_them()
    {
        var project = Projects.Project("p",
            Provider("net", "cloud"),
            Provider("db", "cloud") with { DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal) { ["net"] = new() } },
            Projects.Service("web", "db"));

        Assert.Equal(
            """
            #1 ProviderUp net by cloud (provider service; its variables go to db)
            #2 ProviderUp db by cloud <- #1 (provider service; its variables go to web)
            """.ReplaceLineEndings("\n"),
            Planner.PlanProviderUp(project, project.Services.Keys).ToString());

        var down = Planner.PlanDown(project, new ObservedState { Containers = [Projects.Running(project, "web", 1)] }, new DownPlanOptions());
        Assert.Equal(
            """
            #1 StopContainer p-web-1
            #2 RemoveContainer p-web-1 <- #1
            #3 ProviderDown db by cloud <- #2 (provider service)
            #4 ProviderDown net by cloud <- #3 (provider service)
            """.ReplaceLineEndings("\n"),
            down.ToString());
    }

    [Fact]
    public void Down_runs_the_providers_down_after_their_dependents_are_removed_even_when_nothing_runs()
    {
        var running = Planner.PlanDown(CloudDb, Projects.UpToDate(CloudDb) with
        {
            Containers = [Projects.Running(CloudDb, "cache", 1), Projects.Running(CloudDb, "web", 1)],
        }, new DownPlanOptions());
        var nothing = Planner.PlanDown(CloudDb, ObservedState.Empty, new DownPlanOptions());
        var named = Planner.PlanDown(CloudDb, Projects.UpToDate(CloudDb) with { Containers = [Projects.Running(CloudDb, "cache", 1)] }, new DownPlanOptions { Services = ["cache"] });

        Assert.Equal(
            """
            #1 StopContainer shop-web-1
            #2 StopContainer shop-cache-1
            #3 RemoveContainer shop-web-1 <- #1
            #4 RemoveContainer shop-cache-1 <- #2
            #5 ProviderDown db by awesomecloud <- #3 (provider service)
            #6 RemoveNetwork shop_default <- #3 #4
            """.ReplaceLineEndings("\n"),
            running.ToString());
        Assert.Equal("#1 ProviderDown db by awesomecloud (provider service)", nothing.ToString());
        Assert.DoesNotContain("ProviderDown", named.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stop_runs_the_providers_stop_after_their_dependents_stopped_and_restart_leaves_providers_alone()
    {
        var observed = Projects.UpToDate(CloudDb) with { Containers = [Projects.Running(CloudDb, "cache", 1), Projects.Running(CloudDb, "web", 1)] };

        var stop = Planner.PlanStop(CloudDb, observed, [], timeout: null, providers: true);
        var restartStop = Planner.PlanStop(CloudDb, observed, [], timeout: null);

        Assert.Equal(
            """
            #1 StopContainer shop-web-1
            #2 StopContainer shop-cache-1
            #3 ProviderStop db by awesomecloud <- #1 (provider service; only if its tool declares stop)
            """.ReplaceLineEndings("\n"),
            stop.ToString());
        Assert.DoesNotContain("Provider", restartStop.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Provider", Planner.PlanStop(CloudDb, observed, ["cache"], timeout: null, providers: true).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_plan_names_the_provider_of_each_provider_step()
    {
        var json = Plans.PlanJson.Write(Planner.PlanProviderUp(CloudDb, ["db"]), "shop", "up");

        Assert.Contains(
            """
                  "kind": "ProviderUp",
                  "target": {
                    "type": "service",
                    "name": "db"
                  },
                  "cause": "provider service; its variables go to web",
                  "waits_for": [],
                  "provider": "awesomecloud"
            """.ReplaceLineEndings("\n"),
            json,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Setenv_values_reach_dependents_prefixed_with_the_provider_name_and_rawsetenv_as_they_are()
    {
        var project = CloudDb with
        {
            Services = new SortedDictionary<string, Service>(CloudDb.Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["web"] = CloudDb.Services["web"] with
                {
                    Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["REGION"] = "mine", ["DB_URL"] = "from-the-file", ["KEEP"] = "k" },
                },
            },
        };
        var variables = new Dictionary<string, ProviderVariables>(StringComparer.Ordinal)
        {
            ["db"] = new([KeyValuePair.Create("URL", "mysql://x=1"), KeyValuePair.Create("PORT", "3306")], [KeyValuePair.Create("REGION", "eu-1")]),
        };

        var (applied, warnings) = ProviderEnvironment.Apply(project, variables);

        Assert.Equal(
            new Dictionary<string, string?> { ["DB_PORT"] = "3306", ["DB_URL"] = "mysql://x=1", ["KEEP"] = "k", ["REGION"] = "eu-1" },
            applied.Services["web"].Environment.ToDictionary());
        Assert.Equal(["provider \"db\" overrides environment variable \"REGION\" in service \"web\""], warnings);
        Assert.Same(project.Services["cache"], applied.Services["cache"]);
        Assert.NotEqual(ConfigHash.Compute(project, project.Services["web"]), ConfigHash.Compute(applied, applied.Services["web"]));
    }

    [Fact]
    public void A_dependent_whose_provider_answers_the_same_is_left_alone_and_one_that_answers_differently_is_recreated()
    {
        var first = ProviderEnvironment.Apply(CloudDb, Answer("mysql://a")).Project;
        var observed = new ObservedState { Containers = [Projects.Running(first, "web", 1), Projects.Running(first, "cache", 1)], Networks = Projects.UpToDate(first).Networks };

        var same = Planner.PlanUp(ProviderEnvironment.Apply(CloudDb, Answer("mysql://a")).Project, observed, new UpPlanOptions());
        var changed = Planner.PlanUp(ProviderEnvironment.Apply(CloudDb, Answer("mysql://b")).Project, observed, new UpPlanOptions());

        Assert.True(same.IsEmpty, same.ToString());
        Assert.Contains("RenameContainer id-web-1_shop-web-1 -> shop-web-1", changed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("shop-cache-1", changed.ToString(), StringComparison.Ordinal);

        static Dictionary<string, ProviderVariables> Answer(string url) =>
            new(StringComparer.Ordinal) { ["db"] = new([KeyValuePair.Create("URL", url)], []) };
    }

    [Fact]
    public void The_provider_options_become_sorted_scalars_one_per_list_item()
    {
        var service = Provider("db", "cloud", ("tags", new List<object?> { "a", 2L }), ("enabled", true), ("ratio", 0.5), ("name", "x"));

        var provider = ServiceProvider.Of(service)!;

        Assert.Equal("cloud", provider.Type);
        Assert.Equal(["enabled=true", "name=x", "ratio=0.5", "tags=a", "tags=2"], provider.Options.Select(option => $"{option.Key}={option.Value}"));
        Assert.Null(ServiceProvider.Of(Projects.Service("web")));
    }
}
