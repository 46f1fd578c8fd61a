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
        _ => kind.ToString(),
    };

    public static string Elapsed(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
