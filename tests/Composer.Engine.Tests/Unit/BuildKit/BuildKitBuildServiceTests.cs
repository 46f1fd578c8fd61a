using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Unit.BuildKit;

/// <summary>What the build service makes of BuildKit steps and keys, on a fake engine.</summary>
public sealed class BuildKitBuildServiceTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddSeconds(-3);

    private static Service Built(string name, BuildConfig? build = null) =>
        new() { Name = name, Build = build ?? new BuildConfig { Context = "/src/" + name } };

    private static Extensions Other(params (string Key, object? Value)[] values) =>
        new(values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));

    [Fact]
    public async Task Steps_become_plain_lines_with_their_logs_and_the_service_line_shows_the_step_under_way()
    {
        var engine = new FakeEngine
        {
            BuildScript = (_, observer) =>
            {
                var from = new BuildStep(1, "[1/2] FROM docker.io/library/busybox:latest", BuildStepState.Cached, null, null, null);
                var run = new BuildStep(2, "[2/2] RUN npm ci", BuildStepState.Running, Start, null, null);
                observer.Step(from);
                observer.Step(run);
                observer.Log(run, "added 20 packages");
                observer.Step(run with { State = BuildStepState.Done, Completed = Start.AddSeconds(3.2) });
            },
        };
        var sink = new RecordingProgressSink();
        var output = new RecordingBuildOutput();

        await new BuildService(new OrchestrationContext(engine, sink) { BuildOutput = output })
            .BuildAsync(TestServices.Project("p", Built("web")), new BuildOptions(), CancellationToken.None);

        Assert.Equal(
            ["building web", "#1 [1/2] FROM docker.io/library/busybox:latest", "#1 CACHED", "#2 [2/2] RUN npm ci", "#2 added 20 packages", "#2 DONE 3.2s"],
            output.Lines.Select(line => line.Text));
        var serviceLines = sink.Events.Where(e => e.Kind == ResourceKind.Service).Select(e => e.Status).ToList();
        Assert.Equal(["Building", "[1/2] FROM docker.io/library/busybox:latest CACHED", "[2/2] RUN npm ci", "[2/2] RUN npm ci", "Built"], serviceLines);
        var running = sink.Events.First(e => e.Kind == ResourceKind.Service && e.Status == "[2/2] RUN npm ci");
        Assert.True(running.Elapsed >= TimeSpan.FromSeconds(2.5), "the running step's clock starts when the engine started it");
        Assert.Contains(sink.Events, e => e.Kind == ResourceKind.BuildStep && e.Parent == "web" && e.Status == "DONE" && e.Elapsed == TimeSpan.FromSeconds(3.2));
    }

    [Fact]
    public async Task BuildKit_keys_reach_the_request_and_a_service_context_is_built_first()
    {
        var engine = new FakeEngine();
        var app = Built("app", new BuildConfig
        {
            Context = "/src/app",
            CacheFrom = ["cache/app:1", "type=registry,ref=reg/app:cache", "type=local,src=/tmp/cache"],
            CacheTo = ["type=inline", "type=registry,ref=reg/app:cache"],
            Platforms = ["linux/amd64"],
            Other = Other(
                ("additional_contexts", new Dictionary<string, object?> { ["base"] = "service:base", ["tools"] = "docker-image://busybox:latest" }),
                ("no_cache_filter", new List<object?> { "deps" }),
                ("ulimits", new Dictionary<string, object?> { ["nofile"] = new Dictionary<string, object?> { ["soft"] = 1024L, ["hard"] = 2048L } })),
        });
        var sink = new RecordingProgressSink();
        var project = TestServices.Project("p", app, Built("base"));

        await new BuildService(new OrchestrationContext(engine, sink)).BuildAsync(project, new BuildOptions { Services = ["app"] }, CancellationToken.None);

        Assert.Equal(["build p-base", "build p-app"], engine.Calls.Where(call => call.StartsWith("build", StringComparison.Ordinal)));
        var request = engine.BuildRequests.Single(request => request.ServiceName == "app");
        Assert.Equal(["cache/app:1", "reg/app:cache"], request.CacheFrom);
        Assert.True(request.InlineCache);
        Assert.Equal("linux/amd64", request.Platform);
        Assert.Equal(["deps"], request.NoCacheStages);
        Assert.Equal("docker-image://p-base", request.AdditionalContexts["base"]);
        Assert.Equal("docker-image://busybox:latest", request.AdditionalContexts["tools"]);
        Assert.Equal([new BuildUlimit("nofile", 1024, 2048)], request.Ulimits);
        var warning = Assert.Single(sink.Warnings);
        Assert.Contains("cache_from type=local,src=/tmp/cache", warning, StringComparison.Ordinal);
        Assert.Contains("cache_to type=registry,ref=reg/app:cache", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_platforms_are_refused_naming_the_engines_and_the_classic_builder_refuses_BuildKit_keys()
    {
        var engine = new FakeEngine();
        var project = TestServices.Project("p", Built("app", new BuildConfig { Context = "/src/app", Platforms = ["linux/amd64", "linux/arm64"] }));

        var several = await Assert.ThrowsAsync<UnsupportedServiceException>(() =>
            new BuildService(new OrchestrationContext(engine, new NullProgressSink())).BuildAsync(project, new BuildOptions(), CancellationToken.None));
        Assert.Contains("its own is linux/amd64", several.Message, StringComparison.Ordinal);

        engine.Builder = new BuilderInfo(false, "linux/amd64", "DOCKER_BUILDKIT=0");
        var cached = TestServices.Project("p", Built("app", new BuildConfig { Context = "/src/app", CacheFrom = ["a:1"] }));
        var classic = await Assert.ThrowsAsync<UnsupportedServiceException>(() =>
            new BuildService(new OrchestrationContext(engine, new NullProgressSink())).BuildAsync(cached, new BuildOptions(), CancellationToken.None));
        Assert.Contains("need BuildKit, and the classic builder is used (DOCKER_BUILDKIT=0)", classic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(engine.Calls, call => call.StartsWith("build", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ssh", "ssh (default): /nonexistent/agent.sock, which does not exist")]
    [InlineData("secrets", "is not declared under the top-level secrets")]
    [InlineData("provenance", "cannot produce")]
    [InlineData("sbom", "cannot produce")]
    [InlineData("entitlements", "security.insecure")]
    public async Task Keys_the_engine_cannot_honour_are_refused_before_anything_is_built(string key, string reason)
    {
        var engine = new FakeEngine();
        object value = key == "entitlements" ? new List<object?> { "security.insecure" } : key is "provenance" or "sbom" ? true
            : key == "ssh" ? new List<object?> { "default=/nonexistent/agent.sock" } : new List<object?> { "default" };
        var project = TestServices.Project("p", Built("app", new BuildConfig { Context = "/src/app", Other = Other((key, value)) }));

        var error = await Assert.ThrowsAsync<UnsupportedServiceException>(() =>
            new BuildService(new OrchestrationContext(engine, new NullProgressSink())).BuildAsync(project, new BuildOptions(), CancellationToken.None));

        Assert.Contains($"service \"app\": build {key}", error.Message, StringComparison.Ordinal);
        Assert.Single(error.Problems);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.BuildRequests);
    }

    [Fact]
    public async Task With_dependencies_builds_the_services_the_selected_one_depends_on()
    {
        var engine = new FakeEngine();
        var web = Built("web") with { DependsOn = new Dictionary<string, ServiceDependency> { ["api"] = new ServiceDependency() } };
        var project = TestServices.Project("p", web, Built("api"), Built("other"));

        await new BuildService(new OrchestrationContext(engine, new NullProgressSink()))
            .BuildAsync(project, new BuildOptions { Services = ["web"], WithDependencies = true }, CancellationToken.None);

        Assert.Equal(["build p-api", "build p-web"], engine.Calls.Where(call => call.StartsWith("build", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
