using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary>
/// <c>cp</c> between the host and a service's container through the engine's archive API, with <c>docker cp</c>'s
/// rules for trailing slashes, existing folders and renaming. "-" reads or writes the tar itself on the given streams.
/// </summary>
public sealed class CopyService(IEngine engine)
{
    /// <summary>Where "-" reads from (a tar to extract) and writes to (the tar read out of the container).</summary>
    public Func<Stream>? StandardInput { get; init; }

    public Func<Stream>? StandardOutput { get; init; }

    public async Task CopyAsync(string projectName, CopyRequest request, CancellationToken cancellationToken)
    {
        if (request.Source.InContainer)
        {
            if (request.All)
            {
                throw new InspectionException("--all only copies into containers, not out of them");
            }

            var container = await ServiceContainers.OneAsync(engine, projectName, request.Source.Service!, request.Index, cancellationToken);
            await CopyOutAsync(container.Id, request, cancellationToken);
            return;
        }

        var service = request.Destination.Service!;
        var containers = request.All
            ? await ServiceContainers.ListAsync(engine, projectName, [service], runningOnly: false, cancellationToken)
            : [await ServiceContainers.OneAsync(engine, projectName, service, request.Index, cancellationToken)];
        if (containers.Count == 0)
        {
            throw new InspectionException($"service {service} has no container: create or start it first");
        }

        foreach (var container in containers)
        {
            await CopyInAsync(container.Id, request, cancellationToken);
        }
    }

    private async Task CopyOutAsync(string containerId, CopyRequest request, CancellationToken cancellationToken)
    {
        var sourcePath = request.Source.Path;
        var info = await engine.Tools.StatPathAsync(containerId, sourcePath, cancellationToken)
            ?? throw new InspectionException($"no such file or directory in the {request.Source.Service} container: {sourcePath}");
        var sourceRoot = CopyPaths.LastPart(sourcePath);
        var archivedRoot = sourceRoot;
        if (request.FollowLink && info.LinkTarget is { } linkTarget)
        {
            // The engine archives the link's target under the target's name; it is renamed back to the link's name.
            sourcePath = linkTarget;
            archivedRoot = CopyPaths.LastPart(linkTarget);
            info = await engine.Tools.StatPathAsync(containerId, sourcePath, cancellationToken) ?? info;
        }

        if (CopyPaths.EndsWithSeparator(request.Source.Path) && !info.IsDirectory)
        {
            throw new InspectionException($"not a directory: {request.Source.Path}");
        }

        using var archive = await engine.Tools.ReadArchiveAsync(containerId, sourcePath, cancellationToken);
        if (request.Destination.IsStream)
        {
            var output = StandardOutput?.Invoke() ?? throw new InspectionException("no standard output to write the tar to");
            await archive.Tar.CopyToAsync(output, cancellationToken);
            await output.FlushAsync(cancellationToken);
            return;
        }

        var destination = request.Destination.Path;
        var existsAsDirectory = Directory.Exists(destination);
        var exists = existsAsDirectory || File.Exists(destination);
        var target = CopyPaths.Target(sourceRoot, info.IsDirectory, destination, exists, existsAsDirectory);
        await HostArchive.ExtractAsync(archive.Tar, target.Directory, target with { SourceRoot = archivedRoot }, cancellationToken);
    }

    private async Task CopyInAsync(string containerId, CopyRequest request, CancellationToken cancellationToken)
    {
        var destination = request.Destination.Path;
        var existing = await engine.Tools.StatPathAsync(containerId, destination, cancellationToken);
        if (request.Source.IsStream)
        {
            if (existing is not { IsDirectory: true })
            {
                throw new InspectionException($"destination must be an existing directory when reading a tar from stdin: {destination}");
            }

            var input = StandardInput?.Invoke() ?? throw new InspectionException("no standard input to read the tar from");
            var buffered = new MemoryStream();
            await input.CopyToAsync(buffered, cancellationToken);
            await engine.Tools.WriteArchiveAsync(containerId, destination, buffered, request.Archive, cancellationToken);
            return;
        }

        var source = request.Source.Path;
        var sourceIsDirectory = Directory.Exists(source);
        if (!sourceIsDirectory && !File.Exists(source))
        {
            throw new InspectionException($"no such file or directory: {source}");
        }

        if (CopyPaths.EndsWithSeparator(source) && !sourceIsDirectory)
        {
            throw new InspectionException($"not a directory: {source}");
        }

        var target = CopyPaths.Target(CopyPaths.LastPart(source), sourceIsDirectory, destination, existing is not null, existing?.IsDirectory == true);
        await using var archive = HostArchive.Pack(source, target.TargetRoot, request.FollowLink);
        await engine.Tools.WriteArchiveAsync(containerId, target.Directory, archive, request.Archive, cancellationToken);
    }
}
