using System.Threading.Channels;

namespace Composer.Engine.DockerApi;

/// <summary>
/// Writes each report straight into a channel, in order. Progress&lt;T&gt; would post to the thread pool and could
/// reorder events.
/// </summary>
internal sealed class ChannelProgress<T>(ChannelWriter<T> writer) : IProgress<T>
{
    public void Report(T value) => writer.TryWrite(value);
}
