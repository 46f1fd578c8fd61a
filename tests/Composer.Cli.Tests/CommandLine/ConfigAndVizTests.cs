namespace Composer.Cli.Tests.CommandLine;

public sealed class ConfigAndVizTests
{
    private const string Stack = """
        services:
          web:
            image: ${WEB_IMAGE:-nginx:1.27}
            ports: ["127.0.0.1:${PORT:?set PORT}:80"]
            environment:
              GREETING: ${GREETING:+hello}
              PRICE: $$5
            depends_on:
              db: {condition: service_healthy}
            networks: [front, back]
          db:
            image: postgres:16
            networks: [back]
        networks:
          front: {}
          back: {}
        """;

    [Fact]
    public async Task Config_variables_lists_each_variable_with_required_default_and_alternate()
    {
        using var project = new TempProject().With("compose.yaml", Stack);

        var result = await CliRunner.RunAsync(project.Directory, "config", "--variables");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["NAME REQUIRED DEFAULT VALUE ALTERNATE VALUE", "GREETING false hello", "PORT true", "WEB_IMAGE false nginx:1.27"], lines);
    }

    [Fact]
    public async Task Config_environment_prints_what_interpolation_sees_and_env_files_follow_COMPOSE_variables()
    {
        using var project = new TempProject()
            .With("compose.yaml", "services:\n  web:\n    image: busybox:${TAG}\n")
            .With(".env", "TAG=from-dotenv\n")
            .With("other.env", "TAG=from-other\n");

        var plain = await CliRunner.RunAsync(project.Directory, new Dictionary<string, string>(), null, "config", "--environment");
        var listed = await CliRunner.RunAsync(project.Directory, new Dictionary<string, string> { ["COMPOSE_ENV_FILES"] = "other.env" }, null, "config", "--images");
        var disabled = await CliRunner.RunAsync(project.Directory, new Dictionary<string, string> { ["COMPOSE_DISABLE_ENV_FILE"] = "true" }, null, "config", "--images");

        Assert.Contains("TAG=from-dotenv", plain.Output.Split('\n'));
        Assert.Equal("busybox:from-other\n", listed.Output);
        Assert.Equal("busybox:\n", disabled.Output);
    }

    [Fact]
    public async Task Compatibility_names_built_images_with_underscores_and_config_prints_the_file_as_written()
    {
        using var project = new TempProject("shop").With("compose.yaml", "services:\n  web:\n    build: .\n    ports: [\"8080:80\"]\n  db:\n    image: busybox:1\n");

        var images = await CliRunner.RunAsync(project.Directory, "--compatibility", "config", "--images");
        var fromEnvironment = await CliRunner.RunAsync(project.Directory, new Dictionary<string, string> { ["COMPOSE_COMPATIBILITY"] = "true" }, null, "config", "--images");
        var plain = await CliRunner.RunAsync(project.Directory, "config", "--images");
        var asWritten = await CliRunner.RunAsync(project.Directory, "--compatibility", "config");

        Assert.Equal("busybox:1\nshop_web\n", images.Output);
        Assert.Equal(images.Output, fromEnvironment.Output);
        Assert.Equal("busybox:1\nshop-web\n", plain.Output);
        Assert.Contains("8080:80", asWritten.Output);
        Assert.DoesNotContain("published", asWritten.Output);
    }

    [Fact]
    public async Task Config_no_normalize_prints_the_interpolated_file_as_written()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  web:\n    image: busybox:${TAG:-1}\n    ports: [\"8080:80\"]\n");

        var result = await CliRunner.RunAsync(project.Directory, "config", "--no-normalize");
        var paths = await CliRunner.RunAsync(project.Directory, "config", "--no-path-resolution");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("busybox:1", result.Output);
        Assert.Contains("8080:80", result.Output);
        Assert.DoesNotContain("published", result.Output);
        Assert.Equal(result.Output, paths.Output);
    }

    [Fact]
    public async Task Viz_prints_dot_and_mermaid_with_networks_ports_and_images_on_request()
    {
        using var project = new TempProject().With("compose.yaml", Stack);
        var environment = new Dictionary<string, string> { ["PORT"] = "8080" };

        var dot = await CliRunner.RunAsync(project.Directory, environment, null, "viz");
        var detailed = await CliRunner.RunAsync(project.Directory, environment, null, "viz", "--networks", "--ports", "--image", "--spaces", "--indentation-size", "2");
        var mermaid = await CliRunner.RunAsync(project.Directory, environment, null, "viz", "--format", "mermaid", "--networks");

        Assert.Equal(0, dot.ExitCode);
        Assert.StartsWith("digraph \"proj\" {", dot.Output, StringComparison.Ordinal);
        Assert.Contains("\t\"web\" -> \"db\" [label=\"service_healthy\"];", dot.Output);
        Assert.DoesNotContain("network:", dot.Output);
        Assert.Contains("  \"web\" -> \"network:front\" [style=dashed, arrowhead=none];", detailed.Output);
        Assert.Contains("image: nginx:1.27", detailed.Output);
        Assert.Contains("port: 127.0.0.1:8080:80/tcp", detailed.Output);
        Assert.StartsWith("flowchart LR\n", mermaid.Output, StringComparison.Ordinal);
        Assert.Contains("web -->|service_healthy| db", mermaid.Output);
        Assert.Contains("db -.- network_back", mermaid.Output);
    }
}
