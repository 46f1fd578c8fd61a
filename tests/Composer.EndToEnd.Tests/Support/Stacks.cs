using System.Text;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>Compose files for the tests, on busybox: services that stop at once on SIGTERM, and ones that print and exit.</summary>
internal static class Stacks
{
    public static string Sleepers(int count, string environment = "one")
    {
        var yaml = new StringBuilder("services:\n");
        for (var index = 1; index <= count; index++)
        {
            yaml.Append($"""
                  s{index}:
                    image: busybox:latest
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                    stop_grace_period: 2s
                    environment:
                      MODE: {environment}

                """);
        }

        return yaml.ToString();
    }
}
