using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Unit.Build;

public sealed class BuildServiceTests
{
    private static Service Built(string name, string? image = null) => new() { Name = name, Image = image, Build = new BuildConfig { Context = "/src/" + name } };

    [Fact]
    public async Task Every_image_is_built_once_and_output_is_tagged_with_the_service()
    {
        var engine = new FakeEngine();
        var sink = new RecordingProgressSink();
        var output = new RecordingBuildOutput();
        var project = TestServices.Project("p", Built("api", "shop/app"), Built("worker", "shop/app"), Built("web"), TestServices.Sleeper("db"));

        var built = await new BuildService(new OrchestrationContext(engine, sink)).BuildAsync(project, new BuildOptions { Output = output }, CancellationToken.None);

        Assert.Equal(["api", "web"], built.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["build p-web", "build shop/app"], engine.Calls.Where(call => call.StartsWith("build", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(("web", "building web"), output.Lines);
    }

    [Fact]
    public async Task Selected_services_only_are_built()
    {
        var engine = new FakeEngine();
        var project = TestServices.Project("p", Built("api"), Built("web"));

        await new BuildService(new OrchestrationContext(engine, new NullProgressSink())).BuildAsync(project, new BuildOptions { Services = ["web"] }, CancellationToken.None);

        Assert.Equal(["build p-web"], engine.Calls);
    }

    [Fact]
    public async Task Up_builds_only_missing_images_unless_asked_to_rebuild()
    {
        var engine = new FakeEngine();
        engine.KnownImages["p-api"] = "sha256:existing";
        var project = TestServices.Project("p", Built("api"), Built("web"));
        var service = new BuildService(new OrchestrationContext(engine, new NullProgressSink()));

        await service.BuildMissingAsync(project, ["api", "web"], rebuild: false, CancellationToken.None);
        Assert.Equal(["build p-web"], engine.Calls);

        await service.BuildMissingAsync(project, ["api", "web"], rebuild: true, CancellationToken.None);
        Assert.Equal(["build p-web", "build p-api", "build p-web"], engine.Calls.Take(1).Concat(engine.Calls.Skip(1).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Up_rebuilds_a_present_image_whose_pull_policy_is_build()
    {
        var engine = new FakeEngine();
        engine.KnownImages["p-api"] = "sha256:existing";
        engine.KnownImages["p-web"] = "sha256:existing";
        var project = TestServices.Project("p", Built("api") with { PullPolicy = "build" }, Built("web"));

        await new BuildService(new OrchestrationContext(engine, new NullProgressSink())).BuildMissingAsync(project, ["api", "web"], rebuild: false, CancellationToken.None);

        Assert.Equal(["build p-api"], engine.Calls);
    }
}
