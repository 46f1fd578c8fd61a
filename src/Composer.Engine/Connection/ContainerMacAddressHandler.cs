using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Composer.Engine.Connection;

/// <summary>
/// Adds the container-wide <c>MacAddress</c> to a container create request. Engines before API 1.44 take a MAC
/// address only there (on the endpoint it is ignored), and Docker.DotNet's model no longer has the field: the body
/// Docker.DotNet wrote is kept as it is, with this one member added.
/// </summary>
internal sealed class ContainerMacAddressHandler(string macAddress, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsContainerCreate(request) && request.Content is { } content)
        {
            var body = await content.ReadAsStringAsync(cancellationToken);
            request.Content = new StringContent(WithMacAddress(body, macAddress), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            content.Dispose();
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static string WithMacAddress(string body, string macAddress)
    {
        var parsed = JsonNode.Parse(body)?.AsObject() ?? throw new InvalidOperationException("the container create body is not a JSON object");
        parsed["MacAddress"] = macAddress;
        return parsed.ToJsonString();
    }

    private static bool IsContainerCreate(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/containers/create", StringComparison.Ordinal) == true;
}
