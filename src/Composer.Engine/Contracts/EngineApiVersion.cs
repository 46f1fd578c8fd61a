using System.Globalization;

namespace Composer.Engine.Contracts;

/// <summary>An Engine API version such as 1.41, as the engine reports it; compared numerically (1.9 &lt; 1.41).</summary>
public readonly record struct EngineApiVersion(int Major, int Minor) : IComparable<EngineApiVersion>
{
    public static EngineApiVersion Parse(string text)
    {
        var parts = text.Trim().TrimStart('v').Split('.');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? new EngineApiVersion(major, minor)
            : throw new FormatException($"\"{text}\" is not an engine API version (MAJOR.MINOR)");
    }

    public int CompareTo(EngineApiVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(EngineApiVersion left, EngineApiVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(EngineApiVersion left, EngineApiVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(EngineApiVersion left, EngineApiVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EngineApiVersion left, EngineApiVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
