using Composer.Model;

namespace Composer.Planning.Tests;

public sealed class DownRmiPlanTests
{
    // web is built under the project's name, api is built under a name of its own, db is only pulled.
    private static readonly Project Stack = Projects.Project("Shop",
        Projects.Service("db") with { Image = "postgres:16" },
        Projects.Service("api", "db") with { Image = "registry.test/shop/api:1", Build = new BuildConfig { Context = "./api" } },
        Projects.Service("web", "api") with { Image = null, Build = new BuildConfig { Context = "./web" } });

    [Fact]
    public void Rmi_local_removes_only_images_named_after_the_project_after_every_container()
    {
        var plan = Planner.PlanDown(Stack, Projects.UpToDate(Stack), new DownPlanOptions { RemoveImages = DownImageRemoval.Local });

        var images = plan.Operations.Where(operation => operation.Kind == Plans.OperationKind.RemoveImage).ToList();
        var removals = plan.Operations.Where(operation => operation.Kind == Plans.OperationKind.RemoveContainer).Select(operation => operation.Id);
        Assert.Equal(["shop-web"], images.Select(operation => operation.Target));
        Assert.Equal(removals.Order(), images[0].DependsOn.Order());
    }

    [Fact]
    public void Rmi_all_removes_every_image_the_services_use_once()
    {
        var twoOfAKind = Stack with
        {
            Services = new SortedDictionary<string, Service>(Stack.Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["replica"] = Projects.Service("replica") with { Image = "postgres:16" },
            },
        };

        var plan = Planner.PlanDown(twoOfAKind, Projects.UpToDate(twoOfAKind), new DownPlanOptions { RemoveImages = DownImageRemoval.All });

        Assert.Equal(["postgres:16", "registry.test/shop/api:1", "shop-web"],
            plan.Operations.Where(operation => operation.Kind == Plans.OperationKind.RemoveImage).Select(operation => operation.Target));
    }

    [Fact]
    public void Without_rmi_no_image_is_touched() =>
        Assert.DoesNotContain(Planner.PlanDown(Stack, Projects.UpToDate(Stack), new DownPlanOptions()).Operations,
            operation => operation.Kind == Plans.OperationKind.RemoveImage);

    [Fact]
    public void The_dry_run_text_lists_image_removals()
    {
        var plan = Planner.PlanDown(Stack, Projects.UpToDate(Stack), new DownPlanOptions { RemoveImages = DownImageRemoval.Local });

        Assert.Contains("RemoveImage shop-web <-", plan.ToString());
    }
}
