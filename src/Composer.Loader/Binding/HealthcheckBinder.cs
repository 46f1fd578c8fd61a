using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.healthcheck</c>: a string test runs in a shell (CMD-SHELL); durations become TimeSpans.</summary>
internal static class HealthcheckBinder
{
    private static readonly HashSet<string> Keys = ["test", "interval", "timeout", "start_period", "start_interval", "retries", "disable"];

    public static Healthcheck? Bind(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, Keys);
        IReadOnlyList<string>? test = null;
        if (mapping["test"] is { } testNode)
        {
            var testPath = PathText.Key(path, "test");
            test = testNode switch
            {
                ScalarNode { IsNull: true } => null,
                ScalarNode scalar => ["CMD-SHELL", scalar.Value],
                _ => reader.StrictStringList(testNode, testPath),
            };
        }

        return new Healthcheck
        {
            Test = test,
            Interval = reader.DurationAt(mapping, "interval", path),
            Timeout = reader.DurationAt(mapping, "timeout", path),
            StartPeriod = reader.DurationAt(mapping, "start_period", path),
            StartInterval = reader.DurationAt(mapping, "start_interval", path),
            Retries = reader.IntAt(mapping, "retries", path),
            Disable = reader.BoolAt(mapping, "disable", path) ?? false,
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }
}
