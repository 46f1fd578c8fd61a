namespace Composer.Loader.Binding;

/// <summary>Builds the compose paths printed in diagnostics, such as <c>services.web.ports[0]</c>.</summary>
internal static class PathText
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Index(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
