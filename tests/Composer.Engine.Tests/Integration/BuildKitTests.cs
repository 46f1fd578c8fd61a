using System.Net.Sockets;
using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

/// <summary>BuildKit through the engine's build endpoint: mounts, parallel stages, targets, cache import, contexts.</summary>
[Collection(EngineCollection.Name)]
public sealed class BuildKitTests(EngineFixture fixture) : IAsyncLifetime
{
    private readonly string contextDirectory = Directory.CreateTempSubdirectory("composer-buildkit-it-").FullName;
    private readonly BuiltImages images = new(fixture.Docker);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(contextDirectory, recursive: true);
        await images.DisposeAsync();
    }

    [Fact]
    public async Task Cache_bind_and_tmpfs_mounts_work_the_cache_mount_is_reused_and_no_cache_filter_reruns_a_stage()
    {
        var name = Unique("mnt");
        WriteContext(
            ("Dockerfile", $"""
                FROM busybox:latest AS deps
                ARG RUN_ID
                RUN --mount=type=cache,id={name},target=/cache sh -c 'echo "seen: $(cat /cache/stamp 2>/dev/null || echo none)"; echo "$RUN_ID" > /cache/stamp'
                RUN --mount=type=bind,source=data.txt,target=/data.txt cp /data.txt /copied.txt
                RUN --mount=type=tmpfs,target=/scratch sh -c 'grep " /scratch " /proc/mounts | cut -d" " -f3 > /scratch-type'
                """),
            ("data.txt", "bound"));
        BuildRequest Request(string runId) => new()
        {
            ServiceName = "app",
            Context = contextDirectory,
            Tags = [name],
            Args = new Dictionary<string, string> { ["RUN_ID"] = runId },
        };

        var first = new RecordingBuildObserver();
        await fixture.Engine.BuildImageAsync(Request("first"), first, Timeout);
        var second = new RecordingBuildObserver();
        await fixture.Engine.BuildImageAsync(Request("second"), second, Timeout);
        var again = new RecordingBuildObserver();
        await fixture.Engine.BuildImageAsync(Request("second") with { NoCacheStages = ["deps"] }, again, Timeout);

        Assert.Contains(first.Logs, log => log.Line == "seen: none");
        Assert.Contains(second.Logs, log => log.Line == "seen: first");
        Assert.Contains(again.Logs, log => log.Line == "seen: second");
        Assert.DoesNotContain(again.Steps, step => step.Name.Contains("RUN --mount=type=cache", StringComparison.Ordinal) && step.State == BuildStepState.Cached);
        var (_, output) = await RunImageAsync(name, "sh", "-c", "cat /copied.txt /scratch-type; ls /scratch");
        Assert.Equal("boundtmpfs", output.Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Independent_stages_run_at_the_same_time_and_copy_from_target_and_args_apply()
    {
        var name = Unique("par");
        WriteContext(("Dockerfile", $"""
            FROM busybox:latest AS one
            ARG FLAVOR=plain
            RUN sleep 2 && echo "one {name} $FLAVOR" > /one
            FROM busybox:latest AS two
            RUN sleep 2 && echo "two {name}" > /two
            FROM busybox:latest AS joined
            COPY --from=one /one /out/one
            COPY --from=two /two /out/two
            FROM joined AS never
            RUN exit 1
            """));
        var observer = new RecordingBuildObserver();

        await fixture.Engine.BuildImageAsync(new BuildRequest
        {
            ServiceName = "app",
            Context = contextDirectory,
            Tags = [name],
            Target = "joined",
            Args = new Dictionary<string, string> { ["FLAVOR"] = "fancy" },
        }, observer, Timeout);

        var one = observer.Steps.Last(step => step.Name.StartsWith("[one 3/3] RUN", StringComparison.Ordinal) || step.Name.StartsWith("[one 2/2] RUN", StringComparison.Ordinal));
        var two = observer.Steps.Last(step => step.Name.StartsWith("[two 2/2] RUN", StringComparison.Ordinal));
        Assert.Equal(BuildStepState.Done, one.State);
        Assert.Equal(BuildStepState.Done, two.State);
        Assert.True(one.Started < two.Completed && two.Started < one.Completed, $"one ran {one.Started:O}..{one.Completed:O}, two {two.Started:O}..{two.Completed:O}");
        Assert.DoesNotContain(observer.Steps, step => step.Name.Contains("RUN exit 1", StringComparison.Ordinal));
        var (_, output) = await RunImageAsync(name, "cat", "/out/one", "/out/two");
        Assert.Equal($"one {name} fancy\ntwo {name}\n", output);
    }

    [Fact]
    public async Task The_dockerfiles_own_ignore_file_wins_on_the_engine_side_too()
    {
        var name = Unique("ign");
        WriteContext(
            ("Dockerfile", "FROM busybox:latest\nCOPY . /src/\n"),
            ("Dockerfile.dockerignore", "*.log\n"),
            (".dockerignore", "keep.txt\n"),
            ("keep.txt", "kept"),
            ("drop.log", "dropped"));

        await fixture.Engine.BuildImageAsync(new BuildRequest { ServiceName = "app", Context = contextDirectory, Tags = [name] }, null, Timeout);

        var (_, output) = await RunImageAsync(name, "ls", "/src");
        Assert.Contains("keep.txt", output, StringComparison.Ordinal);
        Assert.DoesNotContain("drop.log", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Additional_contexts_take_another_services_image_built_first_an_image_and_a_folder()
    {
        await using var scope = new ProjectScope(fixture, "actx");
        var baseDirectory = Directory.CreateDirectory(Path.Combine(contextDirectory, "base")).FullName;
        var assets = Directory.CreateDirectory(Path.Combine(contextDirectory, "assets")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(contextDirectory, "app")).FullName;
        File.WriteAllText(Path.Combine(baseDirectory, "Dockerfile"), $"FROM busybox:latest\nRUN echo from-base-{scope.Name} > /base.txt\n");
        File.WriteAllText(Path.Combine(assets, "asset.txt"), "asset");
        File.WriteAllText(Path.Combine(app, "Dockerfile"),
            "FROM busybox:latest\nCOPY --from=basectx /base.txt /base.txt\nCOPY --from=assets /asset.txt /asset.txt\nCOPY --from=tools /bin/busybox /tools-busybox\n");
        var project = TestServices.Project(scope.Name,
            new Service { Name = "base", Build = new BuildConfig { Context = baseDirectory } },
            new Service
            {
                Name = "app",
                Build = new BuildConfig
                {
                    Context = app,
                    Other = new Extensions(new Dictionary<string, object?>
                    {
                        ["additional_contexts"] = new Dictionary<string, object?>
                        {
                            ["basectx"] = "service:base",
                            ["assets"] = assets,
                            ["tools"] = "docker-image://busybox:latest",
                        },
                    }),
                },
            });
        images.Add($"{scope.Name}-base");
        images.Add($"{scope.Name}-app");

        var built = await new BuildService(fixture.Context(scope.Sink)).BuildAsync(project, new BuildOptions { Services = ["app"] }, Timeout);

        Assert.Equal(["app", "base"], built.Keys.Order(StringComparer.Ordinal));
        var (_, output) = await RunImageAsync($"{scope.Name}-app", "sh", "-c", "cat /base.txt /asset.txt; test -x /tools-busybox && echo tool");
        Assert.Equal($"from-base-{scope.Name}\nassettool\n", output);
    }

    [Fact]
    public async Task A_build_secret_is_readable_during_the_build_through_the_session_and_absent_from_the_image()
    {
        await using var scope = new ProjectScope(fixture, "sec");
        WriteContext(
            ("Dockerfile", "FROM busybox:latest\nRUN --mount=type=secret,id=api_token sh -c 'wc -c < /run/secrets/api_token > /token-length; cat /run/secrets/api_token | md5sum > /token-sum'\n"),
            ("token.txt", "s3cr3t-value"));
        var secrets = new List<object?> { new Dictionary<string, object?> { ["source"] = "token", ["target"] = "api_token" } };
        await BuildAppAsync(scope, new() { ["secrets"] = secrets }, ("token", Path.Combine(contextDirectory, "token.txt")));

        var (_, output) = await RunImageAsync($"{scope.Name}-app", "sh", "-c", "cat /token-length; cat /token-sum; ls -A /run/secrets 2>/dev/null | wc -l; grep -rl s3cr3t / --exclude-dir=proc --exclude-dir=sys 2>/dev/null | wc -l");
        var expectedSum = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("s3cr3t-value"u8));
        Assert.Equal($"12\n{expectedSum}  -\n0\n0\n", output);
    }

    [Fact]
    public async Task A_one_mebibyte_build_secret_is_read_whole_through_the_sessions_flow_control()
    {
        await using var scope = new ProjectScope(fixture, "bigsec");
        var secret = new byte[1024 * 1024];
        new Random(13).NextBytes(secret);
        // A step of its own (the nonce), so that BuildKit runs it and asks for the secret rather than finding it cached.
        WriteContext(("Dockerfile", $"FROM busybox:latest\nRUN --mount=type=secret,id=blob sh -c 'echo {Unique("n")} > /nonce; wc -c < /run/secrets/blob > /blob-length; md5sum < /run/secrets/blob > /blob-sum'\n"), (".dockerignore", "blob.bin\n"));
        File.WriteAllBytes(Path.Combine(contextDirectory, "blob.bin"), secret);
        await BuildAppAsync(scope, new() { ["secrets"] = new List<object?> { "blob" } }, ("blob", Path.Combine(contextDirectory, "blob.bin")));

        var (_, output) = await RunImageAsync($"{scope.Name}-app", "sh", "-c", "cat /blob-length /blob-sum");
        Assert.Equal($"{secret.Length}\n{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(secret))}  -\n", output);
    }

    [Fact]
    public async Task Ssh_agents_reach_run_mount_ssh_steps_from_an_agent_socket_and_from_a_key_file_read_only()
    {
        await using var agent = await TestSshAgent.StartAsync(Timeout);
        var nonce = Unique("ssh");
        await agent.AddAsync(await agent.NewKeyAsync($"agent-key-{nonce}", Timeout), Timeout);
        var keyFile = await agent.NewKeyAsync($"file-key-{nonce}", Timeout);
        WriteContext(
            ("list_keys.py", ListKeysScript),
            ("Dockerfile", $"""
                FROM python:3.12-slim
                RUN --mount=type=ssh --mount=type=bind,source=list_keys.py,target=/list_keys.py python3 /list_keys.py {nonce}
                RUN --mount=type=ssh,id=deploy --mount=type=bind,source=list_keys.py,target=/list_keys.py python3 /list_keys.py {nonce}
                """));
        var service = new Service
        {
            Name = "app",
            Image = nonce,
            Build = new BuildConfig
            {
                Context = contextDirectory,
                Other = new Extensions(new Dictionary<string, object?> { ["ssh"] = new List<object?> { $"default={agent.Socket}", $"deploy={keyFile}" } }),
            },
        };
        var project = TestServices.Project(nonce, service);
        images.Add(nonce);
        var builder = await fixture.Engine.BuilderAsync(Timeout);
        Assert.Empty(BuildFeatures.Problems(project, service, builder));
        var observer = new RecordingBuildObserver();

        await fixture.Engine.BuildImageAsync(BuildFeatures.Apply(BuildRequests.For(project, service, new BuildOverrides()), project, service), observer, Timeout);

        var lines = observer.Logs.Select(log => log.Line).ToList();
        Assert.Contains($"key: agent-key-{nonce}", lines);
        Assert.Contains($"key: file-key-{nonce}", lines);
        Assert.DoesNotContain($"key: file-key-{nonce}", lines.TakeWhile(line => !line.StartsWith("remove-all:", StringComparison.Ordinal)));
        // The agent is read-only for the build: removing its identities is refused (SSH_AGENT_FAILURE).
        Assert.Equal(["remove-all: 5", "remove-all: 5"], lines.Where(line => line.StartsWith("remove-all:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_dockerfile_mounting_an_ssh_id_the_build_does_not_forward_and_a_missing_agent_are_refused_before_building()
    {
        WriteContext(("Dockerfile", "FROM busybox:latest\nRUN --mount=type=ssh,id=deploy true\n"));
        var service = new Service
        {
            Name = "app",
            Build = new BuildConfig
            {
                Context = contextDirectory,
                Other = new Extensions(new Dictionary<string, object?> { ["ssh"] = new List<object?> { "default=/nonexistent/agent.sock" } }),
            },
        };
        var project = TestServices.Project(Unique("sshbad"), service);

        var refused = await Assert.ThrowsAsync<UnsupportedServiceException>(() => new BuildService(fixture.Context(new RecordingProgressSink())).BuildAsync(project, new BuildOptions(), Timeout));

        Assert.Equal(
            [
                "service \"app\": build ssh (default): /nonexistent/agent.sock, which does not exist",
                "service \"app\": build the Dockerfile mounts the ssh agent \"deploy\" (RUN --mount=type=ssh), which ssh does not forward (it forwards default)",
            ],
            refused.Problems);
    }

    // Asks the agent at SSH_AUTH_SOCK for its identities (SSH2_AGENTC_REQUEST_IDENTITIES) and prints each key's
    // comment, then asks it to remove them all (SSH2_AGENTC_REMOVE_ALL_IDENTITIES) and prints the answer's type.
    private const string ListKeysScript = """
        import os, socket, struct

        agent = socket.socket(socket.AF_UNIX)
        agent.connect(os.environ["SSH_AUTH_SOCK"])

        def ask(kind):
            agent.sendall(struct.pack(">IB", 1, kind))
            size = b""
            while len(size) < 4:
                size += agent.recv(4 - len(size))
            body = b""
            while len(body) < struct.unpack(">I", size)[0]:
                body += agent.recv(struct.unpack(">I", size)[0] - len(body))
            return body

        answer = ask(11)
        count = struct.unpack(">I", answer[1:5])[0]
        position = 5
        for _ in range(count):
            position += 4 + struct.unpack(">I", answer[position:position + 4])[0]
            length = struct.unpack(">I", answer[position:position + 4])[0]
            print("key:", answer[position + 4:position + 4 + length].decode(), flush=True)
            position += 4 + length
        print("remove-all:", ask(19)[0], flush=True)
        """;

    [Fact]
    public async Task An_image_pushed_with_inline_cache_makes_a_later_build_on_a_clean_store_cached()
    {
        var registry = await StartRegistryAsync();
        try
        {
            var name = Unique("cf");
            var pushed = $"{registry.Host}/{name}/app:1";
            WriteContext(("Dockerfile", $"FROM busybox:latest\nRUN echo {name} > /made && sleep 1\nRUN echo second > /second\n"));
            await using var scope = new ProjectScope(fixture, "cf");
            var service = new Service
            {
                Name = "app",
                Image = pushed,
                Build = new BuildConfig { Context = contextDirectory, CacheTo = ["type=inline"] },
            };
            images.Add(pushed);
            await new BuildService(fixture.Context(scope.Sink)).BuildAsync(TestServices.Project(scope.Name, service), new BuildOptions(), Timeout);
            await fixture.Engine.Images.PushAsync(pushed, null, null, Timeout);
            Assert.True(await fixture.Engine.Images.RemoveAsync(pushed, Timeout));
            await PruneBuildCacheAsync();

            var rebuilt = $"{name}-rebuilt";
            images.Add(rebuilt);
            var sink = new RecordingProgressSink();
            await new BuildService(fixture.Context(sink)).BuildAsync(TestServices.Project(scope.Name, service with
            {
                Image = rebuilt,
                Build = service.Build with { CacheTo = [], CacheFrom = [$"type=registry,ref={pushed}"] },
            }), new BuildOptions(), Timeout);

            var runSteps = sink.Events.Where(e => e.Kind == ResourceKind.BuildStep && e.Name.Contains("] RUN ", StringComparison.Ordinal) && e.State != ProgressState.Working).ToList();
            Assert.Equal(2, runSteps.Count);
            Assert.All(runSteps, step => Assert.Equal("CACHED", step.Status));
        }
        finally
        {
            await fixture.Docker.Containers.RemoveContainerAsync(registry.Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
        }
    }

    // Builds service "app" of the scope's project from the context with the given build keys and top-level secrets.
    private async Task BuildAppAsync(ProjectScope scope, Dictionary<string, object?> keys, params (string Name, string File)[] secrets)
    {
        var project = TestServices.Project(scope.Name, new Service
        {
            Name = "app",
            Build = new BuildConfig { Context = contextDirectory, Other = new Extensions(keys) },
        }) with
        {
            Secrets = new SortedDictionary<string, FileObject>(
                secrets.ToDictionary(secret => secret.Name, secret => new FileObject { Name = secret.Name, File = secret.File }), StringComparer.Ordinal),
        };
        images.Add($"{scope.Name}-app");
        await new BuildService(fixture.Context(scope.Sink)).BuildAsync(project, new BuildOptions(), Timeout);
    }

    private static string Unique(string prefix) => $"ctbk{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    private void WriteContext(params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            File.WriteAllText(Path.Combine(contextDirectory, path), content);
        }
    }

    /// <summary>The registry:2 stand-in on a free 127.0.0.1 port, answering.</summary>
    private async Task<(string Id, string Host)> StartRegistryAsync()
    {
        var created = await fixture.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = "registry:2",
            Name = Unique("registry"),
            HostConfig = new HostConfig
            {
                PortBindings = new Dictionary<string, IList<PortBinding>> { ["5000/tcp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "" }] },
            },
        }, Timeout);
        await fixture.Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), Timeout);
        var inspected = await fixture.Docker.Containers.InspectContainerAsync(created.ID, Timeout);
        var host = $"127.0.0.1:{inspected.NetworkSettings.Ports["5000/tcp"][0].HostPort}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"http://{host}/v2/", limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return (created.ID, host);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }
    }

    /// <summary><c>docker builder prune -af</c>: the engine forgets every cached build step.</summary>
    private static async Task PruneBuildCacheAsync()
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint("/var/run/docker.sock"), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler);
        using var response = await http.PostAsync("http://docker/build/prune?all=1", null, Timeout);
        response.EnsureSuccessStatusCode();
    }

    private Task<(long ExitCode, string Output)> RunImageAsync(string image, params string[] command) =>
        images.RunAsync(image, Timeout, command);
}
