using Composer.Loader.Binding;
using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Binding;
using Composer.Loader.Tree;
using Composer.Loader.Writing;
using CsCheck;
using Xunit;

namespace Composer.Loader.Tests.RoundTrip;

/// <summary>Whatever shape slips past the schema, the binder reports diagnostics and never throws; what binds cleanly prints and reloads.</summary>
public sealed class BinderRobustnessTests
{
    private static readonly string[] ServiceKeys =
    [
        "image", "build", "command", "entrypoint", "environment", "env_file", "labels", "ports", "expose", "volumes",
        "tmpfs", "networks", "network_mode", "extra_hosts", "dns", "depends_on", "profiles", "scale", "healthcheck",
        "stop_grace_period", "privileged", "mem_limit", "cpus", "ulimits", "devices", "logging", "deploy", "secrets",
        "configs", "sysctls", "x-custom", "gpus",
    ];

    private static readonly string[] ScalarTexts =
    [
        "", "0", "-1", "80", "8080:80", "127.0.0.1:80:80/udp", "[::1]:80:80", "8000-8001:80-81", "true", "yes", "1m30s",
        "10", "512m", "a=b", "K", "/x", "./y:/z:ro,z", "data:/d", "null", "~", "1.5", "0440", "echo 'unterminated",
        "host:::1", "/dev/a:/dev/b:rwm", "service_healthy", "CMD", "bridge", "x=y=z", "\"quoted\"",
    ];

    private static readonly string[] NestedKeys =
    [
        "target", "published", "source", "type", "condition", "required", "restart", "test", "interval", "soft", "hard",
        "context", "args", "aliases", "ipv4_address", "replicas", "resources", "limits", "memory", "cpus", "driver",
        "options", "path", "mode", "bind", "volume", "tmpfs", "size", "x-n", "name", "external", "file", "ipam",
        "config", "subnet", "labels", "internal", "environment", "content",
    ];

    private static readonly string[] TopLevelKeys = ["networks", "volumes", "secrets", "configs", "x-top", "version"];

    private static Gen<Node> NodeGen(int depth)
    {
        var scalar = Gen.Select(Gen.OneOf(ScalarTexts), Gen.Bool, (text, plain) => (Node)new ScalarNode(text, plain, new Mark("f", 1, 1)));
        if (depth == 0)
        {
            return scalar;
        }

        var child = NodeGen(depth - 1);
        var sequence = child.List[0, 3].Select(items => (Node)new SequenceNode(items, new Mark("f", 2, 1)));
        var mapping = Gen.Select(Gen.OneOf(NestedKeys), child).List[0, 3]
            .Select(entries => (Node)Mapping(entries.DistinctBy(entry => entry.Item1).ToList()));
        return Gen.Frequency<Node>((3, (IGen<Node>)scalar), (2, sequence), (2, mapping));
    }

    private static MappingNode Mapping(IReadOnlyList<(string Key, Node Value)> entries) =>
        new(entries.Select(entry => new MappingEntry(entry.Key, new Mark("f", 3, 1), entry.Value)).ToList(), new Mark("f", 3, 1));

    [Fact]
    public void Random_service_trees_never_throw_and_clean_ones_round_trip()
    {
        var serviceGen = Gen.Select(Gen.OneOf(ServiceKeys), NodeGen(2)).List[1, 6]
            .Select(entries => Mapping(entries.DistinctBy(entry => entry.Item1).ToList()));

        serviceGen.Sample(service =>
        {
            var root = Mapping([("services", Mapping([("web", service)]))]);
            var diagnostics = new DiagnosticBag();

            var project = ProjectBinder.Bind(root, BindingHarness.Context, diagnostics);

            if (!diagnostics.HasErrors)
            {
                var yaml = ProjectWriter.ToYaml(project);
                Assert.Equal(yaml, ProjectWriter.ToYaml(BindingHarness.Load(yaml)));
                _ = ProjectWriter.ToJson(project);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Random_top_level_sections_never_throw_and_clean_ones_round_trip()
    {
        var sectionGen = Gen.Select(Gen.OneOf("front", "data", "default", "x-skip"), NodeGen(3)).List[0, 3]
            .Select(entries => (Node)Mapping(entries.DistinctBy(entry => entry.Item1).ToList()));
        var rootGen = Gen.Select(Gen.OneOf(TopLevelKeys), sectionGen).List[1, 4]
            .Select(entries => Mapping(entries.DistinctBy(entry => entry.Item1).ToList()));

        rootGen.Sample(root =>
        {
            var diagnostics = new DiagnosticBag();

            var project = ProjectBinder.Bind(root, BindingHarness.Context, diagnostics);

            if (!diagnostics.HasErrors)
            {
                var yaml = ProjectWriter.ToYaml(project);
                Assert.Equal(yaml, ProjectWriter.ToYaml(BindingHarness.Load(yaml)));
            }
        }, iter: 3_000);
    }
}
