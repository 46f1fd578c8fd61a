using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.logging</c>: driver and its options.</summary>
internal static class LoggingBinder
{
    private static readonly HashSet<string> Keys = ["driver", "options"];

    public static Logging? Bind(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, Keys);
        return new Logging
        {
            Driver = reader.StringAt(mapping, "driver", path),
            Options = reader.StringMapAt(mapping, "options", path),
        };
    }
}
