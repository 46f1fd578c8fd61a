namespace Composer.Engine.Contracts;

/// <summary>The engine's images: inspect, remove, tag, pull and push.</summary>
public interface IImageStore
{
    /// <summary>Null when the engine has no image by that name or id.</summary>
    Task<ImageDetails?> InspectAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes the image (untags it when other tags remain); false when there was no such image.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="source"/> the extra name <paramref name="target"/> (repository[:tag]).</summary>
    Task TagAsync(string source, string target, CancellationToken cancellationToken);

    /// <summary>
    /// Pulls the image, handing each of the engine's messages (per layer, with byte counts) to <paramref name="progress"/>. A registry that
    /// cannot be reached or refuses the pull throws <see cref="EngineException"/> naming the image.
    /// </summary>
    Task PullAsync(string reference, RegistryCredentials? credentials, IProgress<TransferProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Pushes the image to the registry its name points at; failures as for <see cref="PullAsync"/>.</summary>
    Task PushAsync(string reference, RegistryCredentials? credentials, IProgress<TransferProgress>? progress, CancellationToken cancellationToken);
}
