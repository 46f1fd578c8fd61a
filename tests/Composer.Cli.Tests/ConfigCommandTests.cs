namespace Composer.Cli.Tests;

public sealed class ConfigCommandTests
{
    private const string TwoServices = """
        name: shop
        services:
          web:
            image: nginx:${TAG:-1.27}
            ports: ["127.0.0.1:8080:80"]
            depends_on: [db]
          db:
            image: postgres:16
            profiles: [data]
        """;

    [Fact]
    public async Task Prints_the_canonical_project_and_exits_zero()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var result = await CliRunner.RunAsync(project.Directory, "config", "--profile", "data");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name: shop", result.Output);
        Assert.Contains("image: nginx:1.27", result.Output);
        Assert.Contains("host_ip: 127.0.0.1", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Quiet_prints_nothing_on_a_valid_project()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var result = await CliRunner.RunAsync(project.Directory, "config", "-q", "--profile", "data");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Listings_print_one_name_per_line()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var services = await CliRunner.RunAsync(project.Directory, "config", "--services", "--profile", "data");
        var profiles = await CliRunner.RunAsync(project.Directory, "config", "--profiles", "--profile", "data");
        var images = await CliRunner.RunAsync(project.Directory, "config", "--images", "--profile", "data");

        Assert.Equal("db\nweb\n", services.Output);
        Assert.Equal("data\n", profiles.Output);
        Assert.Equal("postgres:16\nnginx:1.27\n", images.Output);
    }

    [Fact]
    public async Task A_dependency_on_a_disabled_profile_is_an_error()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var result = await CliRunner.RunAsync(project.Directory, "config");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Hash_prints_one_stable_hash_per_service()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var first = await CliRunner.RunAsync(project.Directory, "config", "--hash", "*", "--profile", "data");
        var second = await CliRunner.RunAsync(project.Directory, "config", "--hash", "web", "--profile", "data");

        Assert.Equal(0, first.ExitCode);
        var lines = first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches("^web [0-9a-f]{64}$", lines[1]);
        Assert.Equal(lines[1] + "\n", second.Output);
    }

    [Fact]
    public async Task Json_format_is_parseable()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var result = await CliRunner.RunAsync(project.Directory, "config", "--format", "json", "--profile", "data");

        using var document = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal("shop", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("postgres:16", document.RootElement.GetProperty("services").GetProperty("db").GetProperty("image").GetString());
    }

    [Fact]
    public async Task Output_written_to_a_file_loads_again_to_the_same_output()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices);

        var first = await CliRunner.RunAsync(project.Directory, "config", "--profile", "data", "-o", "out.yaml");
        var second = await CliRunner.RunAsync(project.Directory, "-f", "out.yaml", "config", "--profile", "data");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(project.Directory, "out.yaml")), second.Output);
    }

    [Fact]
    public async Task Reads_the_compose_file_from_standard_input()
    {
        using var project = new TempProject();

        var result = await CliRunner.RunAsync(project.Directory, new Dictionary<string, string>(), "services:\n  a:\n    image: busybox\n", "-f", "-", "-p", "piped", "config", "--services");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\n", result.Output);
    }

    [Fact]
    public async Task Process_environment_wins_over_dot_env()
    {
        using var project = new TempProject().With("compose.yaml", TwoServices).With(".env", "TAG=from-dotenv\n");

        var fromFile = await CliRunner.RunAsync(project.Directory, "config", "--images", "--profile", "data");
        var fromProcess = await CliRunner.RunAsync(project.Directory, new Dictionary<string, string> { ["TAG"] = "from-env" }, null, "config", "--images", "--profile", "data");

        Assert.Contains("nginx:from-dotenv", fromFile.Output);
        Assert.Contains("nginx:from-env", fromProcess.Output);
    }

    [Fact]
    public async Task Literal_dollars_are_escaped_so_the_output_loads_to_the_same_values()
    {
        using var project = new TempProject().With("compose.yaml", "services:\n  db:\n    image: postgres\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER}\"]\n");

        var first = await CliRunner.RunAsync(project.Directory, "config", "-o", "out.yaml");
        var second = await CliRunner.RunAsync(project.Directory, "-f", "out.yaml", "config");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("pg_isready -U $${POSTGRES_USER}", second.Output);
        Assert.Equal(File.ReadAllText(Path.Combine(project.Directory, "out.yaml")), second.Output);
    }
}
