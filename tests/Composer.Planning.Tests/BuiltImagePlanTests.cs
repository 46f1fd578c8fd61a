using Composer.Model;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Planning.Tests;

public sealed class BuiltImagePlanTests
{
    private static readonly Project App = Projects.Project("shop", Projects.Service("app"));

    private static ObservedState RunningWithImage(string imageId)
    {
        var container = Projects.Running(App, "app", 1);
        var labels = new SortedDictionary<string, string>(container.Labels.ToDictionary(), StringComparer.Ordinal) { [ComposeLabels.Image] = imageId };
        return Projects.UpToDate(App) with { Containers = [container with { Labels = labels }] };
    }

    [Fact]
    public void A_container_running_an_older_build_is_recreated()
    {
        var plan = Planner.PlanUp(App, RunningWithImage("sha256:old"), new UpPlanOptions
        {
            ImageIds = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "sha256:new" },
        });

        Assert.Contains(plan.Operations, operation => operation.Kind == OperationKind.CreateContainer && operation.RecreateOf == "shop-app-1");
    }

    [Fact]
    public void A_container_running_the_current_build_is_kept()
    {
        var plan = Planner.PlanUp(App, RunningWithImage("sha256:same"), new UpPlanOptions
        {
            ImageIds = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "sha256:same" },
        });

        Assert.Equal("", plan.ToString());
    }

    [Fact]
    public void A_recreated_container_records_the_image_id_it_was_planned_with()
    {
        var plan = Planner.PlanUp(App, RunningWithImage("sha256:old"), new UpPlanOptions
        {
            ImageIds = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "sha256:new" },
        });

        Assert.Equal("sha256:new", Assert.Single(plan.Operations, operation => operation.Kind == OperationKind.CreateContainer).ImageId);
    }
}
