using System.Globalization;
using Composer.Model;

namespace Composer.Loader.Consistency;

/// <summary>
/// Watch rules that refer to what is not there: a path that does not exist on the host (a typo would otherwise watch
/// nothing, silently) and a rebuild of a service that has nothing to build.
/// </summary>
internal static class WatchRuleChecker
{
    public static void Check(Service service, ServiceReporter reporter)
    {
        var rules = service.Develop?.Watch ?? [];
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            var number = index.ToString(CultureInfo.InvariantCulture);
            var path = $"services.{service.Name}.develop.watch[{number}]";
            if (!File.Exists(rule.Path) && !Directory.Exists(rule.Path))
            {
                reporter.ErrorAt(["develop", "watch", number, "path"], path + ".path", $"{rule.Path} does not exist");
            }

            if (rule.Action == WatchRule.Rebuild && service.Build is null)
            {
                reporter.ErrorAt(["develop", "watch", number, "action"], path + ".action", $"rebuild needs a build section in service \"{service.Name}\"");
            }
        }
    }
}
