using Composer.Model;

namespace Composer.Engine.Tests.Support;

/// <summary>busybox services that stop promptly: PID 1 ignores SIGTERM unless a handler is installed.</summary>
internal static class TestServices
{
    public static Service Sleeper(string name) => new()
    {
        Name = name,
        Image = "busybox:latest",
        Command = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"],
        StopGracePeriod = TimeSpan.FromSeconds(2),
    };

    public static Service WebServer(string name, string body) => new()
    {
        Name = name,
        Image = "busybox:latest",
        Command = ["sh", "-c", $"mkdir -p /www && echo {body} > /www/index.html && trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"],
        StopGracePeriod = TimeSpan.FromSeconds(2),
    };

    public static Project Project(string name, params Service[] services) => new()
    {
        Name = name,
        WorkingDirectory = "/tmp/" + name,
        ConfigFiles = ["/tmp/" + name + "/compose.yaml"],
        Services = new SortedDictionary<string, Service>(services.ToDictionary(service => service.Name), StringComparer.Ordinal),
        Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal) { ["default"] = new() { Name = name + "_default" } },
    };

    public static Project With(this Project project, Service service) => project with
    {
        Services = new SortedDictionary<string, Service>(project.Services.ToDictionary(), StringComparer.Ordinal) { [service.Name] = service },
    };

    public static Project Without(this Project project, string service) => project with
    {
        Services = new SortedDictionary<string, Service>(project.Services.Where(pair => pair.Key != service).ToDictionary(), StringComparer.Ordinal),
    };

    public static SortedDictionary<string, T> Map<T>(params (string Key, T Value)[] entries) =>
        new(entries.ToDictionary(entry => entry.Key, entry => entry.Value), StringComparer.Ordinal);
}
