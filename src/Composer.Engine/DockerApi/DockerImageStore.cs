using System.Net;
using Composer.Engine.Contracts;
using Composer.Engine.Errors;
using Composer.Engine.Registry;
using Composer.Engine.Resilience;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary><see cref="IImageStore"/> on Docker.DotNet, through <see cref="EngineCalls"/>.</summary>
internal sealed class DockerImageStore(DockerClient client, EngineCalls calls) : IImageStore
{
    public Task<ImageDetails?> InspectAsync(string name, CancellationToken cancellationToken) =>
        calls.QueryAsync<ImageDetails?>($"inspect image {name}", async token =>
        {
            try
            {
                var image = await client.Images.InspectImageAsync(name, token);
                return new ImageDetails
                {
                    Id = image.ID,
                    RepoTags = image.RepoTags?.ToArray() ?? [],
                    Size = image.Size,
                    Created = image.Created is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
                    LastTagged = image.Metadata?.LastTagTime is { } tagged && tagged > DateTime.UnixEpoch
                        ? new DateTimeOffset(DateTime.SpecifyKind(tagged, DateTimeKind.Utc))
                        : null,
                };
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"remove image {name}", async token =>
        {
            try
            {
                await client.Images.DeleteImageAsync(name, new ImageDeleteParameters(), token);
                return true;
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
        }, cancellationToken);

    public Task TagAsync(string source, string target, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(target);
        return calls.ChangeAsync($"tag image {source} as {target}", token =>
            client.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = reference.Name, Tag = reference.Tag }, token), cancellationToken);
    }

    public Task PullAsync(string reference, RegistryCredentials? credentials, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(reference);
        var parameters = new ImagesCreateParameters { FromImage = image.Name, Tag = image.Tag };
        return TransferAsync("pull", reference, image, progress, (messages, token) =>
            client.Images.CreateImageAsync(parameters, AuthOf(credentials), messages, token), cancellationToken);
    }

    public Task PushAsync(string reference, RegistryCredentials? credentials, IProgress<TransferProgress>? progress, CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(reference);
        var parameters = new ImagePushParameters { Tag = image.Tag };
        return TransferAsync("push", reference, image, progress, (messages, token) =>
            client.Images.PushImageAsync(image.Name, parameters, AuthOf(credentials), messages, token), cancellationToken);
    }

    // A blocking call: no time bound (a pull may take as long as the layers need) and retried only when the engine
    // never saw it; the engine has already retried the registry, and repeating a half-streamed transfer would only
    // repeat the wait.
    private async Task TransferAsync(
        string verb, string reference, ImageReference image, IProgress<TransferProgress>? progress,
        Func<IProgress<JSONMessage>, CancellationToken, Task> transfer, CancellationToken cancellationToken)
    {
        string? error = null;
        var messages = new CallbackProgress<JSONMessage>(message =>
        {
            if (message.Error?.Message is { Length: > 0 } failed)
            {
                error ??= failed;
            }
            else if (progress is not null && message.Status is { Length: > 0 } status)
            {
                progress.Report(new TransferProgress(message.ID is { Length: > 0 } id ? id : null, status,
                    message.Progress?.Current, message.Progress?.Total is > 0 and var total ? total : null));
            }
        });
        await calls.BlockingAsync($"{verb} {reference}", async token =>
        {
            try
            {
                await transfer(messages, token);
            }
            catch (DockerApiException exception) when (!EngineFailures.IsRetryableBlocking(exception, engineAnswered: true))
            {
                error = EngineErrorTranslator.EngineMessage(exception);
            }
        }, cancellationToken);

        if (error is not null)
        {
            throw new EngineException(RegistryFailures.Describe(verb, reference, image.RegistryHost, error));
        }
    }

    // Docker.DotNet turns this into the base64url JSON X-Registry-Auth header the Engine API expects.
    private static AuthConfig AuthOf(RegistryCredentials? credentials) => credentials is null
        ? new AuthConfig()
        : new AuthConfig
        {
            ServerAddress = credentials.ServerAddress,
            Username = credentials.Username,
            Password = credentials.Password,
            IdentityToken = credentials.IdentityToken,
        };
}
