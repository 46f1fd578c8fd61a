using System.Net;
using System.Net.Sockets;
using Composer.Engine.Contracts;
using Composer.Engine.Errors;
using Docker.DotNet;

namespace Composer.Engine.Tests.Unit;

public sealed class EngineErrorTranslatorTests
{
    private static string Translate(HttpStatusCode status, string body) =>
        EngineErrorTranslator.Translate(new DockerApiException(status, body), "start container x", "unix:///var/run/docker.sock").Message;

    [Theory]
    [InlineData("failed to create task for container: task 0123abc already exists: unknown")]
    [InlineData("task 277b9790408252539d0df0f7f77602cc16442b1e7a19b18dd0a4a8e40337f944: already exists")]
    [InlineData("failed to create shim task: OCI runtime create failed: container with id exists: 0123abc: unknown")]
    public void A_task_the_killed_engine_left_is_recognized_in_each_wording(string message)
    {
        var body = "{\"message\":\"" + message + "\"}";
        var failure = EngineErrorTranslator.Translate(new DockerApiException(HttpStatusCode.InternalServerError, body), "start container x", "unix:///var/run/docker.sock");

        Assert.IsType<StaleTaskException>(failure);
    }

    [Fact]
    public void Port_already_allocated_names_the_address()
    {
        var message = Translate(HttpStatusCode.InternalServerError,
            """{"message":"driver failed programming external connectivity on endpoint app-web-1 (abc): Bind for 127.0.0.1:8080 failed: port is already allocated"}""");

        Assert.Equal("port 127.0.0.1:8080 is already in use", message);
    }

    [Fact]
    public void Address_in_use_from_the_proxy_names_the_address()
    {
        var message = Translate(HttpStatusCode.InternalServerError,
            """{"message":"driver failed programming external connectivity on endpoint x: Error starting userland proxy: listen tcp4 0.0.0.0:9000: bind: address already in use"}""");

        Assert.Equal("port 0.0.0.0:9000 is already in use", message);
    }

    [Fact]
    public void Missing_image_says_it_is_not_found_locally()
    {
        Assert.Equal("image redis:nope not found locally", Translate(HttpStatusCode.NotFound, """{"message":"No such image: redis:nope"}"""));
    }

    [Fact]
    public void Name_conflict_is_one_line()
    {
        var message = Translate(HttpStatusCode.Conflict,
            """{"message":"Conflict. The container name \"/app-web-1\" is already in use by container \"abc\". You have to remove (or rename) that container to be able to reuse that name."}""");

        Assert.Equal("container name \"app-web-1\" is already in use by another container", message);
    }

    [Fact]
    public void Other_errors_keep_the_engine_message_after_the_operation()
    {
        Assert.Equal("start container x: something odd", Translate(HttpStatusCode.BadRequest, """{"message":"something odd"}"""));
    }

    [Fact]
    public void Refused_connection_means_the_engine_is_unavailable_and_says_how_to_start_it()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        var error = EngineErrorTranslator.Translate(refused, "ping the engine", "unix:///var/run/docker.sock");

        var unavailable = Assert.IsType<EngineUnavailableException>(error);
        Assert.Contains("unix:///var/run/docker.sock", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("dockerd", unavailable.Message, StringComparison.Ordinal);
    }
}
