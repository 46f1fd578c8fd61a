using System.Formats.Tar;
using Composer.Engine.Contracts;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>Reads files inside a container through the engine's archive API, and waits for them to change.</summary>
internal static class ContainerFiles
{
    /// <summary>The file's text, or null when nothing is at that path.</summary>
    public static async Task<string?> ReadAsync(IEngine engine, string container, string path, CancellationToken cancellationToken)
    {
        if (await engine.Tools.StatPathAsync(container, path, cancellationToken) is null)
        {
            return null;
        }

        using var archive = await engine.Tools.ReadArchiveAsync(container, path, cancellationToken);
        var buffered = new MemoryStream();
        await archive.Tar.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        await using var reader = new TarReader(buffered);
        var entry = await reader.GetNextEntryAsync(copyData: true, cancellationToken);
        if (entry?.DataStream is null)
        {
            return "";
        }

        using var text = new StreamReader(entry.DataStream);
        return await text.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Reads the file again and again (no fixed sleep) until it holds what the condition wants.</summary>
    public static async Task<string?> UntilAsync(IEngine engine, string container, string path, Func<string?, bool> condition, TimeSpan limit, string what)
    {
        using var timeout = new CancellationTokenSource(limit);
        string? last = null;
        while (true)
        {
            try
            {
                last = await ReadAsync(engine, container, path, timeout.Token);
                if (condition(last))
                {
                    return last;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what}: not seen within {limit}; {path} in {container} holds: {last ?? "(nothing)"}");
            }
            catch (EngineException) when (!timeout.IsCancellationRequested)
            {
                // The container is being replaced (rebuild, reload): ask again.
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }
    }
}
