using System.Net;
using Composer.Engine.Contracts;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary><see cref="IContainerTools"/> on Docker.DotNet, through <see cref="EngineCalls"/>.</summary>
internal sealed class DockerContainerTools(DockerClient client, EngineCalls calls) : IContainerTools
{
    public async Task<ProcessTable> TopAsync(string idOrName, CancellationToken cancellationToken)
    {
        var listed = await calls.QueryAsync($"list the processes of container {idOrName}",
            token => client.Containers.ListProcessesAsync(idOrName, new ContainerListProcessesParameters(), token), cancellationToken);
        return new ProcessTable(
            [.. listed.Titles ?? []],
            [.. (listed.Processes ?? []).Select(process => (IReadOnlyList<string>)[.. process])]);
    }

    public Task<StatsSample?> StatsAsync(string idOrName, CancellationToken cancellationToken) =>
        calls.QueryAsync($"read the stats of container {idOrName}", async token =>
        {
            ContainerStatsResponse? reading = null;
            try
            {
                await client.Containers.GetContainerStatsAsync(idOrName, new ContainerStatsParameters { Stream = false },
                    new CallbackProgress<ContainerStatsResponse>(response => reading = response), token);
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }

            return reading is null ? null : StatsSampleTranslator.Translate(idOrName, reading);
        }, cancellationToken);

    public Task<ContainerPathInfo?> StatPathAsync(string idOrName, string path, CancellationToken cancellationToken) =>
        calls.QueryAsync($"look up {path} in container {idOrName}", async token =>
        {
            try
            {
                var response = await client.Containers.GetArchiveFromContainerAsync(idOrName, new ContainerPathStatParameters { Path = path }, statOnly: true, token);
                response.Stream?.Dispose();
                return ToInfo(response.Stat);
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // A HEAD answer has no body to tell a missing path from a missing container; callers have just
                // listed the container, so a missing path it is.
                return null;
            }
        }, cancellationToken);

    public Task<ContainerArchive> ReadArchiveAsync(string idOrName, string path, CancellationToken cancellationToken) =>
        calls.QueryAsync($"copy {path} out of container {idOrName}", async token =>
        {
            var response = await client.Containers.GetArchiveFromContainerAsync(idOrName, new ContainerPathStatParameters { Path = path }, statOnly: false, token);
            return new ContainerArchive(ToInfo(response.Stat), response.Stream ?? Stream.Null);
        }, cancellationToken);

    public Task WriteArchiveAsync(string idOrName, string directory, Stream archive, bool keepOwnership, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"copy into {directory} of container {idOrName}", async token =>
        {
            // A retry must send the whole archive again.
            if (archive.CanSeek)
            {
                archive.Position = 0;
            }

            await client.Containers.ExtractArchiveToContainerAsync(idOrName,
                new CopyToContainerParameters { Path = directory, CopyUIDGID = keepOwnership }, archive, token);
        }, cancellationToken);

    private static ContainerPathInfo ToInfo(ContainerPathStatResponse stat) => new(
        stat.Name ?? "",
        stat.Size,
        ((uint)stat.Mode & 0x80000000u) != 0,
        string.IsNullOrEmpty(stat.LinkTarget) ? null : stat.LinkTarget);
}
