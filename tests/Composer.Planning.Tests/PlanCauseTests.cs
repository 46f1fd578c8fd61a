using Composer.Model;
using Composer.Planning.Hashing;

namespace Composer.Planning.Tests;

/// <summary>Every operation says why it is in the plan; a recreate names what changed.</summary>
public sealed class PlanCauseTests
{
    private static Project WithApiUrl(string url) => Projects.Project("shop", Projects.Service("web") with
    {
        Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["API_URL"] = url },
    });

    // The container as the first up made it: hash and Composer's canonical-form label.
    private static Observed.ObservedState RunningFrom(Project project)
    {
        var service = project.Services["web"];
        var running = Projects.Running(project, "web", 1);
        var labels = new SortedDictionary<string, string>(running.Labels.ToDictionary(), StringComparer.Ordinal)
        {
            [ComposeLabels.ComposerConfig] = ConfigLabel.Encode(ConfigHash.CanonicalText(project, service)),
        };
        return Projects.UpToDate(project) with { Containers = [running with { Labels = labels }] };
    }

    [Fact]
    public void A_recreate_names_the_changed_path()
    {
        var plan = Planner.PlanUp(WithApiUrl("http://new"), RunningFrom(WithApiUrl("http://old")), new UpPlanOptions());

        Assert.Equal(
            """
            #1 CreateContainer id-web-1_shop-web-1 (environment.API_URL changed)
            #2 StopContainer shop-web-1 <- #1 (environment.API_URL changed)
            #3 RemoveContainer shop-web-1 <- #2 (environment.API_URL changed)
            #4 RenameContainer id-web-1_shop-web-1 -> shop-web-1 <- #3 (environment.API_URL changed)
            #5 StartContainer shop-web-1 <- #4 (environment.API_URL changed)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void A_rebuilt_image_and_a_scale_up_say_so()
    {
        var project = WithApiUrl("http://same");
        var plan = Planner.PlanUp(project, RunningFrom(project), new UpPlanOptions
        {
            ImageIds = new Dictionary<string, string>(StringComparer.Ordinal) { ["web"] = "sha256:new" },
            Scale = new Dictionary<string, int>(StringComparer.Ordinal) { ["web"] = 2 },
        });

        Assert.Contains("#1 CreateContainer id-web-1_shop-web-1 (image rebuilt)", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("CreateContainer shop-web-2 (scale 1 -> 2)", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_changes_are_listed_and_a_changed_config_content_is_named()
    {
        const string old = """{"config_sources":{"greeting":{"content_sha256":"1"}},"environment":{"API_URL":"a"},"image":"x","user":"1"}""";
        const string changed = """{"config_sources":{"greeting":{"content_sha256":"2"}},"environment":{"API_URL":"b"},"image":"y","user":"2"}""";

        Assert.Equal("configs.greeting content changed", ConfigDiff.Describe(old, old.Replace("\"1\"}}", "\"2\"}}", StringComparison.Ordinal)));
        Assert.Equal("configs.greeting content, environment.API_URL, image and 1 more changed", ConfigDiff.Describe(old, changed));
        Assert.Null(ConfigDiff.Describe(old, old));
    }
}
