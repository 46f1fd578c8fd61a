namespace Composer.EndToEnd.Tests.Support;

/// <summary>Compose files for exec, run and attach: busybox services that stop at once on SIGTERM.</summary>
internal static class InteractiveStacks
{
    public const string WebWithDatabase = """
        services:
          web:
            image: busybox:latest
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            environment:
              FROM_SERVICE: web-value
            depends_on:
              db:
                condition: service_started
          db:
            image: busybox:latest
            command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
        """;

    public const string Ticker = """
        services:
          ticker:
            image: busybox:latest
            command: ["sh", "-c", "trap 'exit 0' TERM; while true; do echo tick; sleep 0.2; done"]
        """;
}
