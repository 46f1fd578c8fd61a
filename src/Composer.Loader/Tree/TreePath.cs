namespace Composer.Loader.Tree;

/// <summary>Builds the dotted compose paths used in diagnostics (<c>services.web.ports[0]</c>).</summary>
public static class TreePath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
