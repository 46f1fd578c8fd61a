using System.Text;

namespace Composer.Cli.Tests.Engine;

/// <summary>
/// <c>run</c> checks and applies what <c>up</c> does, for its one-off service and the dependencies it starts:
/// refusals before anything is created, deploy warnings, use_api_socket with the logins of the user's docker config.
/// <c>--all-resources</c> checks the networks it creates for no service.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class PreflightCommandTests : IDisposable
{
    private readonly string dockerConfig = Directory.CreateTempSubdirectory("composer-dockerconfig-").FullName;
    private readonly string helpers = Directory.CreateTempSubdirectory("composer-helpers-").FullName;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Run_of_a_use_api_socket_service_gets_the_socket_and_the_logins_of_DOCKER_CONFIG()
    {
        // One login written in auths, one answered by a credential helper found on the environment's PATH.
        File.WriteAllText(Path.Combine(dockerConfig, "config.json"), $$"""
            {
              "auths": { "registry.example:5000": { "auth": "{{Base64("alice:s3cret")}}" } },
              "credHelpers": { "helped.example": "composertest" }
            }
            """);
        var helper = Path.Combine(helpers, "docker-credential-composertest");
        File.WriteAllText(helper, "#!/bin/sh\nserver=$(cat)\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"bob\",\"Secret\":\"hunter2\"}' \"$server\"\n");
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = new Dictionary<string, string>
        {
            ["DOCKER_CONFIG"] = dockerConfig,
            ["PATH"] = helpers + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        };
        await using var project = new EngineProject("services:\n" + ComposeSnippets.Sleeper("cli", "busybox:latest") + "    use_api_socket: true\n");

        var run = await project.RunWithAsync(environment, "run", "-d", "--name", project.Name + "-cli-run", "cli");

        Assert.True(run.ExitCode == 0, run.Error);
        var container = project.Name + "-cli-run";
        Assert.Equal("/var/run/docker.sock", await EngineInspect.FormatAsync(container, "{{range .Mounts}}{{if eq .Destination \"/var/run/docker.sock\"}}{{.Source}}{{end}}{{end}}"));
        Assert.Equal(0, (await EngineInspect.DockerAsync("exec", container, "test", "-S", "/var/run/docker.sock")).ExitCode);
        Assert.Equal((0, "/run/secrets/docker\n"), await EngineInspect.DockerAsync("exec", container, "sh", "-c", "echo $DOCKER_CONFIG"));
        Assert.Equal((0, $$"""
            {
              "auths": {
                "helped.example": {
                  "auth": "{{Base64("bob:hunter2")}}"
                },
                "registry.example:5000": {
                  "auth": "{{Base64("alice:s3cret")}}"
                }
              }
            }
            """), await EngineInspect.DockerAsync("exec", container, "cat", "/run/secrets/docker/config.json"));
        Assert.Equal((0, "600\n"), await EngineInspect.DockerAsync("exec", container, "stat", "-c", "%a", "/run/secrets/docker/config.json"));
    }

    [Fact]
    public async Task Run_of_a_service_with_a_refused_attribute_fails_with_one_line_and_creates_nothing()
    {
        await using var project = new EngineProject("services:\n"
            + ComposeSnippets.Sleeper("app", "busybox:latest") + "    depends_on: [dep]\n    credential_spec:\n      file: spec.json\n"
            + "    mac_address: 02:c0:de:00:00:01\n    networks:\n      default:\n        mac_address: 02:c0:de:00:00:02\n"
            + "  dep:\n    provider:\n      type: composertest\n");

        var run = await project.RunAsync("run", "-d", "app");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("service \"app\": credential_spec is not supported yet", run.Error, StringComparison.Ordinal);
        Assert.Contains("service \"app\": mac_address 02:c0:de:00:00:01 differs from networks.default.mac_address 02:c0:de:00:00:02", run.Error, StringComparison.Ordinal);
        Assert.Contains("service \"dep\": provider type \"composertest\" needs the docker-composertest plugin", run.Error, StringComparison.Ordinal);
        Assert.Equal("", await EngineInspect.ProjectObjectsAsync(project.Name));

        // The engine's API version is checked too, once the attributes it cannot apply at all are fixed.
        var version = (await EngineInspect.DockerAsync("version", "--format", "{{.Server.APIVersion}}")).Output.Trim();
        project.Write("compose.yaml", "services:\n" + ComposeSnippets.Sleeper("app", "busybox:latest") + "    annotations:\n      com.example.owner: team\n");
        var gated = await project.RunAsync("run", "-d", "app");
        if (Version.Parse(version) < new Version(1, 43))
        {
            Assert.Equal(1, gated.ExitCode);
            Assert.Contains($"service \"app\": annotations needs engine API 1.43, this engine has {version}", gated.Error, StringComparison.Ordinal);
            Assert.Equal("", await EngineInspect.ProjectObjectsAsync(project.Name));
        }
        else
        {
            Assert.True(gated.ExitCode == 0, gated.Error);
        }

        project.Write("compose.yaml", "services:\n"
            + ComposeSnippets.Sleeper("app", "busybox:latest") + "    depends_on: [dep]\n    credential_spec:\n      file: spec.json\n"
            + "  dep:\n    provider:\n      type: composertest\n");

        // --no-deps: the dependency is neither started nor checked.
        var alone = await project.RunAsync("run", "-d", "--no-deps", "app");
        Assert.Equal(1, alone.ExitCode);
        Assert.DoesNotContain("service \"dep\"", alone.Error, StringComparison.Ordinal);
        Assert.Equal("", await EngineInspect.ProjectObjectsAsync(project.Name));
    }

    [Fact]
    public async Task Run_warns_once_about_swarm_only_deploy_settings_of_the_service_and_its_dependencies()
    {
        await using var project = new EngineProject("services:\n"
            + ComposeSnippets.Sleeper("app", "busybox:latest") + "    depends_on: [dep]\n    deploy:\n      placement:\n        constraints: [node.role==manager]\n"
            + ComposeSnippets.Sleeper("dep", "busybox:latest") + "    deploy:\n      update_config:\n        parallelism: 2\n");

        var run = await project.RunAsync("run", "-d", "app");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Error.Split('\n');
        Assert.Single(lines, line => line.Contains("service \"app\": deploy.placement places tasks on swarm nodes and is ignored on a single engine", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("service \"dep\": deploy.update_config drives swarm rolling updates and is ignored on a single engine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_and_create_with_all_resources_check_the_networks_no_service_joins()
    {
        await using var project = new EngineProject("services:\n" + ComposeSnippets.Sleeper("app", "busybox:latest")
            + "networks:\n  v6only:\n    enable_ipv4: false\n    enable_ipv6: true\n");
        var version = (await EngineInspect.DockerAsync("version", "--format", "{{.Server.APIVersion}}")).Output.Trim();
        if (Version.Parse(version) >= new Version(1, 48))
        {
            return;
        }

        foreach (var verb in new[] { "up", "create" })
        {
            var result = await project.RunAsync("--all-resources", verb);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"network \"v6only\": enable_ipv4: false needs engine API 1.48, this engine has {version}", result.Error, StringComparison.Ordinal);
            Assert.Equal("", await EngineInspect.ProjectObjectsAsync(project.Name));
        }

        // Without it the network is not created, so nothing needs the feature.
        var create = await project.RunAsync("create");
        Assert.True(create.ExitCode == 0, create.Error);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        Directory.Delete(dockerConfig, recursive: true);
        Directory.Delete(helpers, recursive: true);
    }
}
