using System.Net;
using Composer.Engine.Contracts;
using Composer.Engine.Errors;
using Composer.Engine.Registry;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary><see cref="IImageStore"/> on Docker.DotNet, through the shared retry pipeline and error translation.</summary>
internal sealed class DockerImageStore(DockerClient client, EngineCalls calls) : IImageStore
{
    public Task<ImageDetails?> InspectAsync(string name, CancellationToken cancellationToken) =>
        calls.CallAsync<ImageDetails?>($"inspect image {name}", async token =>
        {
            try
            {
                var image = await client.Images.InspectImageAsync(name, token);
                return new ImageDetails
                {
                    Id = image.ID,
                    RepoTags = image.RepoTags?.ToArray() ?? [],
                    RepoDigests = image.RepoDigests?.ToArray() ?? [],
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
        calls.CallAsync($"remove image {name}", async token =>
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
        return calls.CallAsync($"tag image {source} as {target}", token =>
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

    // Not through the retry pipeline, like builds: a pull or push may rightly take longer than its attempt timeout,
    // and the engine has already retried the registry; repeating a transfer that streamed half its layers would only
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
        try
        {
            await transfer(messages, cancellationToken);
        }
        catch (DockerApiException exception)
        {
            error = EngineErrorTranslator.EngineMessage(exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw EngineErrorTranslator.Translate(exception, $"{verb} {reference}", calls.Endpoint);
        }

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
