using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Engine.DockerApi;

namespace Composer.Engine.BuildKit;

/// <summary>
/// Runs one build with BuildKit: <c>POST /build?version=2</c> with the context as the body, sent on the engine's
/// own connection settings (Docker.DotNet has no way to ask for version 2). The answer is JSON lines: trace messages
/// (base64 protobuf), the image id, or an error, which ends the build.
/// </summary>
internal sealed class BuildKitBuilder(HttpClient http, string apiVersion, EngineCalls calls)
{
    public async Task<string?> BuildAsync(BuildRequest request, IBuildObserver? observer, CancellationToken cancellationToken)
    {
        var archivePath = Path.Combine(Path.GetTempPath(), $"composer-build-{Guid.NewGuid():N}.tar");
        await using var archive = new FileStream(archivePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        string dockerfile;
        var nonce = Guid.NewGuid().ToString("N")[..12];
        var folders = request.AdditionalContexts
            .Where(context => !context.Value.StartsWith("docker-image://", StringComparison.Ordinal))
            .ToDictionary(context => $"{DockerfileRewriter.ContextsFolder}/{context.Key}", context => context.Value, StringComparer.Ordinal);
        try
        {
            dockerfile = BuildContextArchive.Write(archive, request.Context, request.Dockerfile, request.DockerfileInline,
                text => DockerfileRewriter.Rewrite(text, request.AdditionalContexts, request.NoCacheStages, nonce), folders);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or EngineException)
        {
            throw new EngineException($"service \"{request.ServiceName}\" failed to build: {exception.Message}", exception);
        }

        archive.Position = 0;
        var args = request.Args.ToDictionary(StringComparer.Ordinal);
        if (request.InlineCache)
        {
            args["BUILDKIT_INLINE_CACHE"] = "1";
        }

        // Key files get an agent of the build's own, started (and the key loaded) before anything goes to the engine.
        await using var agents = await Session.SshAgents.StartAsync(request.Ssh, cancellationToken);
        var sshSockets = agents.Sockets;

        // Secrets and ssh agents travel through a session the engine calls back on; a build without them needs none.
        await using var session = request.Secrets.Count > 0 || sshSockets.Count > 0
            ? await Session.BuildSession.OpenAsync(http, apiVersion, request.Secrets, sshSockets, cancellationToken)
            : null;
        var query = BuildKitQuery.For(request, dockerfile, args) + (session is null ? "" : $"&session={session.Id}");
        var state = new TraceState(observer);
        string? imageId = null;
        string? error = null;

        // A blocking call: no time bound but the caller's. Only sending is inside it, so a retry (when the engine
        // never saw the request) sends the context again from its start and nothing was handed out yet.
        using var response = await calls.BlockingAsync($"build the image of service {request.ServiceName}", async token =>
        {
            archive.Position = 0;
            using var message = new HttpRequestMessage(HttpMethod.Post, $"v{apiVersion}/build?{query}")
            {
                Content = new StreamContent(new NonClosingStream(archive), 64 * 1024),
            };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
        }, cancellationToken);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new EngineException($"service \"{request.ServiceName}\" failed to build: {EngineMessage(body)}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.TryGetProperty("error", out var failure) && failure.ValueKind == JsonValueKind.String)
                {
                    error ??= failure.GetString();
                }
                else if (root.TryGetProperty("id", out var id) && root.TryGetProperty("aux", out var aux))
                {
                    switch (id.GetString())
                    {
                        case "moby.buildkit.trace" when aux.ValueKind == JsonValueKind.String:
                            state.Apply(TraceDecoder.DecodeBase64(aux.GetString()!));
                            break;
                        case "moby.image.id" when aux.ValueKind == JsonValueKind.Object && aux.TryGetProperty("ID", out var imageIdElement):
                            imageId = imageIdElement.GetString();
                            break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new EngineException($"service \"{request.ServiceName}\" failed to build: the engine's build output cannot be read ({exception.Message})", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new EngineException($"service \"{request.ServiceName}\" failed to build: the connection to the engine ({calls.Endpoint}) broke during the build ({exception.Message})", exception);
        }

        if (error is not null)
        {
            throw new EngineException(BuildFailure.Describe(request.ServiceName, error, state.Failure));
        }

        return imageId;
    }

    private static string EngineMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? body.Trim();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body is the message.
        }

        return body.Trim();
    }
}
