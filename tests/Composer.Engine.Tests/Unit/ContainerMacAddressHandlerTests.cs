using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Composer.Engine.Connection;

namespace Composer.Engine.Tests.Unit;

/// <summary>The container-wide MAC address (engines before API 1.44) is added to the create body Docker.DotNet wrote, and nothing else changes.</summary>
public sealed class ContainerMacAddressHandlerTests
{
    private const string Body = """{"Image":"busybox:latest","Cmd":["sleep","60"],"HostConfig":{"NetworkMode":"p_default"},"NetworkingConfig":{"EndpointsConfig":{"p_default":{"Aliases":["web"]}}}}""";

    [Fact]
    public async Task A_create_body_gets_the_mac_address_and_keeps_every_other_member()
    {
        var sent = await SendAsync(HttpMethod.Post, "http://docker/containers/create?name=p-web-1");

        var body = JsonNode.Parse(sent)!.AsObject();
        Assert.Equal("02:42:ac:11:00:99", (string?)body["MacAddress"]);
        body.Remove("MacAddress");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Body), body));
    }

    [Fact]
    public async Task Other_requests_pass_untouched()
    {
        Assert.Equal(Body, await SendAsync(HttpMethod.Post, "http://docker/networks/create"));
        Assert.Equal(Body, await SendAsync(HttpMethod.Put, "http://docker/containers/create"));
    }

    private static async Task<string> SendAsync(HttpMethod method, string uri)
    {
        var capture = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new ContainerMacAddressHandler("02:42:ac:11:00:99", capture));
        using var request = new HttpRequestMessage(method, uri) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return capture.Body!;
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Assert.Equal("application/json", request.Content.Headers.ContentType?.MediaType);
            return new HttpResponseMessage(HttpStatusCode.Created);
        }
    }
}
