using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>
/// A device written as a fully qualified CDI name (<c>vendor.com/class=name</c>) is a CDI device request, not a
/// device node path.
/// </summary>
public static class CdiDevices
{
    public static bool IsCdi(DeviceMapping device) => device.Source == device.Target && IsQualifiedName(device.Source);

    public static bool IsQualifiedName(string name)
    {
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (name.StartsWith('/') || slash <= 0 || equals < slash + 2 || equals == name.Length - 1)
        {
            return false;
        }

        var vendor = name[..slash];
        var kind = name[(slash + 1)..equals];
        var device = name[(equals + 1)..];
        return vendor.Contains('.', StringComparison.Ordinal)
            && vendor.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            && kind.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            && device.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');
    }
}
