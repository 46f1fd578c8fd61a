using System.Security.Cryptography;
using System.Text;
using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>
/// The CLI finds the engine like the docker CLI: DOCKER_HOST (tcp://, with TLS from DOCKER_CERT_PATH), the current
/// docker context, else the local socket. tcp:// is a proxy on 127.0.0.1 in front of the real engine socket.
/// </summary>
public sealed class EngineConnectionTests
{
    private const string Sleeper = """
        services:
          app:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
        """;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Up_and_ps_go_through_DOCKER_HOST_over_TLS_with_a_verified_client_certificate()
    {
        using var certificates = new TestCertificates();
        await using var proxy = new DockerSocketProxy(certificates);
        await using var stack = new StackFolder("tls", Sleeper);
        var environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = $"tcp://127.0.0.1:{proxy.Port}",
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = certificates.Directory,
        };

        var (upCode, up) = await RunAsync(stack, environment, "up", "-d");
        var (psCode, ps) = await RunAsync(stack, environment, "ps", "--format", "json");

        Assert.True(upCode == 0, up.Error);
        Assert.True(psCode == 0, ps.Error);
        Assert.Contains($"{stack.ProjectName}-app-1", ps.Output, StringComparison.Ordinal);
        Assert.Contains(await stack.ContainersAsync(CancellationToken.None), container => container.State == "running");
        Assert.True(proxy.Connections > 0);
        Assert.Equal(0, proxy.Rejected);
    }

    [Fact]
    public async Task A_client_without_the_certificates_is_refused_by_the_TLS_engine_and_says_so_in_one_line()
    {
        using var certificates = new TestCertificates();
        await using var proxy = new DockerSocketProxy(certificates);
        await using var stack = new StackFolder("tlsno", Sleeper);
        var empty = Directory.CreateTempSubdirectory("composer-no-certs-").FullName;
        File.Copy(Path.Combine(certificates.Directory, "ca.pem"), Path.Combine(empty, "ca.pem"));

        var (code, ps) = await RunAsync(stack, new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = $"tcp://127.0.0.1:{proxy.Port}",
            ["DOCKER_TLS_VERIFY"] = "1",
            ["DOCKER_CERT_PATH"] = empty,
        }, "ps");
        Directory.Delete(empty, recursive: true);

        Assert.NotEqual(0, code);
        Assert.Equal(0, proxy.Connections);
        Assert.Single(ps.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", ps.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_api_socket_is_refused_by_up_and_run_when_the_engine_is_reached_over_tcp()
    {
        await using var proxy = new DockerSocketProxy();
        await using var stack = new StackFolder("tcpsock", Sleeper + "\n    use_api_socket: true\n");
        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = $"tcp://127.0.0.1:{proxy.Port}" };

        foreach (var command in new[] { new[] { "up", "-d" }, ["run", "-d", "app"] })
        {
            var (code, process) = await RunAsync(stack, environment, command);

            Assert.Equal(1, code);
            Assert.Contains($"service \"app\": use_api_socket needs an engine reached through a unix socket, this one is tcp://127.0.0.1:{proxy.Port}", process.Error, StringComparison.Ordinal);
            Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Ps_goes_through_a_plain_tcp_DOCKER_HOST()
    {
        await using var proxy = new DockerSocketProxy();
        await using var stack = new StackFolder("tcp", Sleeper);

        var (code, ps) = await RunAsync(stack, new Dictionary<string, string> { ["DOCKER_HOST"] = $"tcp://127.0.0.1:{proxy.Port}" }, "ps");

        Assert.True(code == 0, ps.Error);
        Assert.True(proxy.Connections > 0);
    }

    [Fact]
    public async Task The_current_context_in_the_docker_config_chooses_the_engine()
    {
        await using var proxy = new DockerSocketProxy();
        await using var stack = new StackFolder("ctx", Sleeper);
        var config = Directory.CreateTempSubdirectory("composer-docker-config-").FullName;
        const string context = "composer-test-proxy";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context)));
        Directory.CreateDirectory(Path.Combine(config, "contexts", "meta", key));
        File.WriteAllText(Path.Combine(config, "config.json"), $$"""{ "currentContext": "{{context}}" }""");
        File.WriteAllText(Path.Combine(config, "contexts", "meta", key, "meta.json"),
            $$"""{ "Name": "{{context}}", "Metadata": {}, "Endpoints": { "docker": { "Host": "tcp://127.0.0.1:{{proxy.Port}}", "SkipTLSVerify": false } } }""");

        var (code, up) = await RunAsync(stack, new Dictionary<string, string> { ["DOCKER_CONFIG"] = config }, "up", "-d");
        Directory.Delete(config, recursive: true);

        Assert.True(code == 0, up.Error);
        Assert.True(proxy.Connections > 0);
        Assert.Single(await stack.ContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task No_engine_at_DOCKER_HOST_names_the_endpoint_and_how_to_start_one()
    {
        await using var stack = new StackFolder("noeng", Sleeper);
        var socket = Path.Combine(Path.GetTempPath(), $"composer-no-engine-{Guid.NewGuid():N}.sock");

        var (code, ps) = await RunAsync(stack, new Dictionary<string, string> { ["DOCKER_HOST"] = $"unix://{socket}" }, "ps");

        Assert.NotEqual(0, code);
        var line = Assert.Single(ps.Error.Trim().Split('\n'));
        Assert.Contains(socket, line, StringComparison.Ordinal);
        Assert.Contains("start", line, StringComparison.Ordinal);
    }

    private static async Task<(int Code, CliProcess Process)> RunAsync(StackFolder stack, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var cli = CliProcess.Start(stack.Directory, environment, stack.Arguments(arguments));
        return (await cli.WaitForExitAsync(Limit), cli);
    }
}
