using System.Security.Cryptography;
using System.Text;
using Composer.Engine.Connection;

namespace Composer.Engine.Tests.Unit;

public sealed class EngineEndpointResolverTests : IDisposable
{
    private readonly string config = Directory.CreateTempSubdirectory("composer-resolver-").FullName;

    public void Dispose() => Directory.Delete(config, recursive: true);

    [Fact]
    public void Nothing_set_means_the_local_socket()
    {
        var endpoint = EngineEndpointResolver.Resolve(Variables(("DOCKER_CONFIG", config)));

        Assert.Equal(EngineEndpoint.DefaultSocket, endpoint.Host);
        Assert.Null(endpoint.TlsDirectory);
    }

    [Fact]
    public void DOCKER_HOST_wins_over_the_context_and_TLS_material_comes_from_DOCKER_CERT_PATH()
    {
        WriteContext("remote", "tcp://127.0.0.1:9999", withTls: false);
        File.WriteAllText(Path.Combine(config, "config.json"), """{ "currentContext": "remote" }""");

        var endpoint = EngineEndpointResolver.Resolve(Variables(
            ("DOCKER_CONFIG", config), ("DOCKER_HOST", "tcp://127.0.0.1:2376"), ("DOCKER_TLS_VERIFY", "1"), ("DOCKER_CERT_PATH", "/certs")));

        Assert.Equal(new Uri("tcp://127.0.0.1:2376"), endpoint.Host);
        Assert.Equal("/certs", endpoint.TlsDirectory);
    }

    [Fact]
    public void DOCKER_CONTEXT_wins_over_the_current_context_and_brings_its_TLS_folder()
    {
        WriteContext("first", "tcp://127.0.0.1:1111", withTls: false);
        var tls = WriteContext("second", "tcp://127.0.0.1:2222", withTls: true);
        File.WriteAllText(Path.Combine(config, "config.json"), """{ "currentContext": "first" }""");

        var endpoint = EngineEndpointResolver.Resolve(Variables(("DOCKER_CONFIG", config), ("DOCKER_CONTEXT", "second")));

        Assert.Equal(new Uri("tcp://127.0.0.1:2222"), endpoint.Host);
        Assert.Equal(tls, endpoint.TlsDirectory);
        Assert.True(endpoint.VerifyServer);
    }

    [Fact]
    public void An_unknown_context_is_one_readable_error()
    {
        var error = Assert.Throws<EngineConnectionException>(() =>
            EngineEndpointResolver.Resolve(Variables(("DOCKER_CONFIG", config), ("DOCKER_CONTEXT", "missing"))));

        Assert.Contains("docker context \"missing\" not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_is_no_address_is_one_readable_error()
    {
        var error = Assert.Throws<EngineConnectionException>(() =>
            EngineEndpointResolver.Resolve(Variables(("DOCKER_CONFIG", config), ("DOCKER_HOST", "localhost"))));

        Assert.Contains("DOCKER_HOST", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(value => value.Name == name).Value;

    private string WriteContext(string name, string host, bool withTls)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var meta = Path.Combine(config, "contexts", "meta", key);
        Directory.CreateDirectory(meta);
        File.WriteAllText(Path.Combine(meta, "meta.json"), $$"""{ "Name": "{{name}}", "Endpoints": { "docker": { "Host": "{{host}}" } } }""");
        var tls = Path.Combine(config, "contexts", "tls", key, "docker");
        if (withTls)
        {
            Directory.CreateDirectory(tls);
        }

        return tls;
    }
}
