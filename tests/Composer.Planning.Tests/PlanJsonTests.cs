using System.Text.Json;
using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Planning.Tests;

/// <summary>
/// Golden plans as JSON (<c>--dry-run --format json</c>): the shape tools read is pinned here, field by field.
/// </summary>
public sealed class PlanJsonTests
{
    private static readonly Project WebAndDb = Projects.Project("shop",
        Projects.Service("db") with
        {
            Image = "postgres:16",
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }],
        },
        Projects.Service("web") with
        {
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal)
            {
                ["db"] = new() { Condition = ServiceDependency.Healthy },
            },
        }) with
    {
        Volumes = new SortedDictionary<string, Volume>(StringComparer.Ordinal) { ["data"] = new() { Name = "shop_data" } },
    };

    [Fact]
    public void A_fresh_up_names_each_target_cause_and_what_it_waits_for()
    {
        var plan = Planner.PlanUp(WebAndDb, ObservedState.Empty, new UpPlanOptions { ImageSteps = [new ImageStep("db", "postgres:16", Build: false)] });

        Assert.Equal(
            """
            {
              "project": "shop",
              "command": "up",
              "operations": [
                {
                  "id": 1,
                  "kind": "PullImage",
                  "target": {
                    "type": "image",
                    "name": "postgres:16",
                    "service": "db"
                  },
                  "cause": null,
                  "waits_for": []
                },
                {
                  "id": 2,
                  "kind": "CreateNetwork",
                  "target": {
                    "type": "network",
                    "name": "shop_default",
                    "key": "default"
                  },
                  "cause": "missing",
                  "waits_for": []
                },
                {
                  "id": 3,
                  "kind": "CreateVolume",
                  "target": {
                    "type": "volume",
                    "name": "shop_data",
                    "key": "data"
                  },
                  "cause": "missing",
                  "waits_for": []
                },
                {
                  "id": 4,
                  "kind": "CreateContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-db-1",
                    "service": "db",
                    "number": 1
                  },
                  "cause": "scale 0 -> 1",
                  "waits_for": [
                    1,
                    2,
                    3
                  ]
                },
                {
                  "id": 5,
                  "kind": "StartContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-db-1",
                    "service": "db"
                  },
                  "cause": "scale 0 -> 1",
                  "waits_for": [
                    4
                  ]
                },
                {
                  "id": 6,
                  "kind": "CreateContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-web-1",
                    "service": "web",
                    "number": 1
                  },
                  "cause": "scale 0 -> 1",
                  "waits_for": [
                    2
                  ]
                },
                {
                  "id": 7,
                  "kind": "WaitForDependency",
                  "target": {
                    "type": "service",
                    "name": "db"
                  },
                  "cause": null,
                  "waits_for": [
                    5
                  ],
                  "condition": "service_healthy",
                  "required": true
                },
                {
                  "id": 8,
                  "kind": "StartContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-web-1",
                    "service": "web"
                  },
                  "cause": "scale 0 -> 1",
                  "waits_for": [
                    6,
                    7
                  ]
                }
              ],
              "warnings": []
            }
            """.ReplaceLineEndings("\n"),
            PlanJson.Write(plan, "shop", "up"));
    }

    [Fact]
    public void A_recreate_carries_its_cause_the_old_container_and_the_final_name()
    {
        static Project WithApiUrl(string url) => Projects.Project("shop", Projects.Service("web") with
        {
            Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["API_URL"] = url },
            StopGracePeriod = TimeSpan.FromSeconds(3),
        });
        var old = WithApiUrl("http://old");
        var running = Projects.Running(old, "web", 1);
        var labels = new SortedDictionary<string, string>(running.Labels.ToDictionary(), StringComparer.Ordinal)
        {
            [ComposeLabels.ComposerConfig] = ConfigLabel.Encode(ConfigHash.CanonicalText(old, old.Services["web"])),
        };
        var observed = Projects.UpToDate(old) with { Containers = [running with { Labels = labels }] };

        var plan = Planner.PlanUp(WithApiUrl("http://new"), observed, new UpPlanOptions());

        Assert.Equal(
            """
            {
              "project": "shop",
              "command": "up",
              "operations": [
                {
                  "id": 1,
                  "kind": "CreateContainer",
                  "target": {
                    "type": "container",
                    "name": "id-web-1_shop-web-1",
                    "service": "web",
                    "number": 1
                  },
                  "cause": "environment.API_URL changed",
                  "waits_for": [],
                  "recreate_of": "shop-web-1"
                },
                {
                  "id": 2,
                  "kind": "StopContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-web-1",
                    "id": "id-web-1",
                    "service": "web"
                  },
                  "cause": "environment.API_URL changed",
                  "waits_for": [
                    1
                  ],
                  "recreate_of": "shop-web-1",
                  "timeout_seconds": 3
                },
                {
                  "id": 3,
                  "kind": "RemoveContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-web-1",
                    "id": "id-web-1",
                    "service": "web"
                  },
                  "cause": "environment.API_URL changed",
                  "waits_for": [
                    2
                  ],
                  "recreate_of": "shop-web-1"
                },
                {
                  "id": 4,
                  "kind": "RenameContainer",
                  "target": {
                    "type": "container",
                    "name": "id-web-1_shop-web-1",
                    "service": "web"
                  },
                  "cause": "environment.API_URL changed",
                  "waits_for": [
                    3
                  ],
                  "recreate_of": "shop-web-1",
                  "new_name": "shop-web-1"
                },
                {
                  "id": 5,
                  "kind": "StartContainer",
                  "target": {
                    "type": "container",
                    "name": "shop-web-1",
                    "service": "web"
                  },
                  "cause": "environment.API_URL changed",
                  "waits_for": [
                    4
                  ]
                }
              ],
              "warnings": []
            }
            """.ReplaceLineEndings("\n"),
            PlanJson.Write(plan, "shop", "up"));
    }

    [Fact]
    public void A_down_with_volumes_and_an_orphan_warning_is_one_parseable_document()
    {
        var observed = Projects.UpToDate(WebAndDb) with
        {
            Containers = [.. Projects.UpToDate(WebAndDb).Containers, Projects.Running(WebAndDb, "old", 1, hash: "x")],
        };

        var plan = Planner.PlanDown(WebAndDb, observed, new DownPlanOptions { RemoveVolumes = true });
        using var document = JsonDocument.Parse(PlanJson.Write(plan, "shop", "down"));

        var root = document.RootElement;
        Assert.Equal("down", root.GetProperty("command").GetString());
        var operations = root.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(plan.Operations.Count, operations.Count);
        var volume = Assert.Single(operations, operation => operation.GetProperty("kind").GetString() == "RemoveVolume");
        Assert.Equal("volume", volume.GetProperty("target").GetProperty("type").GetString());
        Assert.Equal("shop_data", volume.GetProperty("target").GetProperty("name").GetString());
        Assert.All(operations, operation => Assert.Equal(JsonValueKind.Array, operation.GetProperty("waits_for").ValueKind));
        Assert.Contains(operations, operation => operation.GetProperty("kind").GetString() == "RemoveContainer"
            && operation.TryGetProperty("remove_volumes", out var removeVolumes) && removeVolumes.GetBoolean());
        Assert.Contains("orphan", Assert.Single(root.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plans_run_one_after_another_keep_their_own_order_and_the_second_waits_for_the_first()
    {
        var first = new Plan { Operations = [new Operation { Id = 1, Kind = OperationKind.StopContainer, Target = "a" }, new Operation { Id = 2, Kind = OperationKind.StopContainer, Target = "b", DependsOn = [1] }] };
        var second = new Plan { Operations = [new Operation { Id = 1, Kind = OperationKind.StartContainer, Target = "b" }, new Operation { Id = 2, Kind = OperationKind.StartContainer, Target = "a", DependsOn = [1] }] };

        Assert.Equal(
            """
            #1 StopContainer a
            #2 StopContainer b <- #1
            #3 StartContainer b <- #1 #2
            #4 StartContainer a <- #3
            """.ReplaceLineEndings("\n"),
            first.Then(second, [1, 2]).ToString());
    }
}
