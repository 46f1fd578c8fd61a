using Composer.Model;
using Composer.Model.Swarm;
using Composer.Planning.Stack;

namespace Composer.Planning.Tests.Stack;

/// <summary>--resolve-image always|changed|never: what is asked of the registry, what is pinned, and the plans that follow.</summary>
public sealed class ImagePinningTests
{
    private const string App = "192.168.240.1:5000/app:1";
    private const string Old = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string New = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private static readonly IReadOnlyList<SwarmImagePlatform> Linux = [new("linux", "amd64")];
    private static readonly ObservedStack Empty = new();

    private static Project Shop(string appImage = App) => Stacks.Project("shop",
        Stacks.Service("db"),
        Stacks.Service("app") with { Image = appImage });

    private static Dictionary<string, SwarmImageDigest?> Answers(params (string Image, string? Digest)[] answers) =>
        answers.ToDictionary(answer => answer.Image, answer => answer.Digest is null ? null : new SwarmImageDigest(answer.Digest, Linux), StringComparer.Ordinal);

    private static (IReadOnlyList<string> Asked, StackPlan Plan) Deploy(Project project, ObservedStack observed, ResolveImageMode mode, Dictionary<string, SwarmImageDigest?> registry)
    {
        var desired = StackTranslator.Translate(project, Stacks.NoContents);
        var asked = ImagePinning.ToResolve(desired, observed, mode);
        var answers = asked.ToDictionary(image => image, image => registry.GetValueOrDefault(image), StringComparer.Ordinal);
        return (asked, StackPlanner.Plan(ImagePinning.Apply(desired, observed, answers), observed, new StackDeployOptions()));
    }

    private static SwarmServiceSpec Spec(StackPlan plan, string name) => plan.Operations.Single(operation => operation.Target == name).ServiceSpec!;

    [Fact]
    public void Always_pins_every_image_to_its_digest_with_its_platforms_and_keeps_the_written_name_in_the_label()
    {
        var (asked, plan) = Deploy(Shop(), Empty, ResolveImageMode.Always, Answers((App, Old), ("busybox:local", null)));

        Assert.Equal([App, "busybox:local"], asked);
        var app = Spec(plan, "shop_app");
        Assert.Equal($"{App}@{Old}", app.Container.Image);
        Assert.Equal(App, app.Labels[StackLabels.Image]);
        Assert.Equal(Linux, app.Placement!.Platforms);
        Assert.Equal("busybox:local", Spec(plan, "shop_db").Container.Image);
        Assert.Equal(
            """
            #1 CreateNetwork shop_default (new network)
            #2 CreateService shop_app (new service) <- #1
            #3 CreateService shop_db (new service) <- #1
            ! image busybox:local could not be accessed on a registry to record its digest. Each node will access busybox:local independently, possibly leading to different nodes running different versions of the image
            """.ReplaceLineEndings("\n").TrimEnd(),
            plan.ToString());
    }

    [Fact]
    public void Changed_asks_nothing_on_an_unchanged_redeploy_and_keeps_the_pinned_digest_so_nothing_is_sent()
    {
        var running = Stacks.After(Deploy(Shop(), Empty, ResolveImageMode.Always, Answers((App, Old))).Plan, Empty);

        var (asked, plan) = Deploy(Shop(), running, ResolveImageMode.Changed, Answers((App, New)));

        Assert.Empty(asked);
        Assert.Equal("", plan.ToString());
    }

    [Fact]
    public void Changed_asks_only_for_the_service_whose_image_changed()
    {
        var running = Stacks.After(Deploy(Shop(), Empty, ResolveImageMode.Always, Answers((App, Old))).Plan, Empty);

        var (asked, plan) = Deploy(Shop("192.168.240.1:5000/app:2"), running, ResolveImageMode.Changed, Answers(("192.168.240.1:5000/app:2", New)));

        Assert.Equal(["192.168.240.1:5000/app:2"], asked);
        Assert.Equal("#1 UpdateService shop_app (image 192.168.240.1:5000/app:1 -> 192.168.240.1:5000/app:2)", plan.ToString());
        Assert.Equal($"192.168.240.1:5000/app:2@{New}", Spec(plan, "shop_app").Container.Image);
    }

    [Fact]
    public void Always_updates_a_service_whose_tag_now_names_another_digest_and_nothing_when_it_names_the_same()
    {
        var running = Stacks.After(Deploy(Shop(), Empty, ResolveImageMode.Always, Answers((App, Old))).Plan, Empty);

        Assert.Empty(Deploy(Shop(), running, ResolveImageMode.Always, Answers((App, Old))).Plan.Operations);
        Assert.Equal($"#1 UpdateService shop_app (image {App}@{Old} -> {App}@{New})",
            string.Join('\n', Deploy(Shop(), running, ResolveImageMode.Always, Answers((App, New))).Plan.Operations.Select(operation => operation.Describe())));
    }

    [Fact]
    public void An_unreachable_registry_is_a_warning_a_new_service_gets_the_name_as_written_and_a_running_one_keeps_its_digest()
    {
        var running = Stacks.After(Deploy(Shop(), Empty, ResolveImageMode.Always, Answers((App, Old))).Plan, Empty);
        var warning = $"! image {App} could not be accessed on a registry to record its digest. Each node will access {App} independently, possibly leading to different nodes running different versions of the image";

        var again = Deploy(Shop(), running, ResolveImageMode.Always, Answers()).Plan;
        Assert.Empty(again.Operations);
        Assert.Contains(warning, again.ToString().Split('\n'));

        var fresh = Deploy(Shop(), Empty, ResolveImageMode.Always, Answers()).Plan;
        Assert.Equal(App, Spec(fresh, "shop_app").Container.Image);
        Assert.Null(Spec(fresh, "shop_app").Placement);
        Assert.Contains(warning, fresh.ToString().Split('\n'));
    }

    [Fact]
    public void Never_asks_nothing_pins_nothing_new_and_keeps_an_earlier_pin_while_the_image_is_the_same()
    {
        var (asked, fresh) = Deploy(Shop(), Empty, ResolveImageMode.Never, Answers((App, Old)));
        Assert.Empty(asked);
        Assert.Equal(App, Spec(fresh, "shop_app").Container.Image);

        var pinned = Stacks.After(Deploy(Shop(), Empty, ResolveImageMode.Always, Answers((App, Old))).Plan, Empty);
        Assert.Equal("", Deploy(Shop(), pinned, ResolveImageMode.Never, Answers()).Plan.ToString());
    }

    [Theory]
    [InlineData("busybox", "busybox:latest@sha256:ab")]
    [InlineData("busybox:1.36", "busybox:1.36@sha256:ab")]
    [InlineData("192.168.240.1:5000/app", "192.168.240.1:5000/app:latest@sha256:ab")]
    [InlineData("192.168.240.1:5000/team/app:2", "192.168.240.1:5000/team/app:2@sha256:ab")]
    public void A_pinned_name_keeps_its_tag_and_gets_latest_when_it_had_none(string image, string pinned) =>
        Assert.Equal(pinned, ImagePinning.WithDigest(image, "sha256:ab"));
}
