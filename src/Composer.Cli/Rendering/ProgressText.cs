using Composer.Cli.Output;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>Words shared by the plain and terminal renderers, so both read the same.</summary>
internal static class ProgressText
{
    public static string Kind(ResourceKind kind) => kind switch
    {
        ResourceKind.Container => "Container",
        ResourceKind.Network => "Network",
        ResourceKind.Volume => "Volume",
        ResourceKind.Service => "Service",
        ResourceKind.Image => "Image",
        ResourceKind.Secret => "Secret",
        ResourceKind.Config => "Config",
        _ => kind.ToString(),
    };

    /// <summary>"1.2MB/3.4MB" as docker prints layer progress (decimal units); empty when the total is unknown.</summary>
    public static string Bytes(long? current, long? total) =>
        total is { } size ? $"{ByteSizes.Format(current ?? 0)}/{ByteSizes.Format(size)}" : string.Empty;

    public static string Elapsed(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
