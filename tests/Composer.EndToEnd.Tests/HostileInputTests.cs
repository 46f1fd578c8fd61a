using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>
/// Issue 14 through the built executable (the native AOT binary under scripts/test.sh, whose stacks can be smaller
/// than the JIT process's): deep nesting, endless files and self-doubling .env chains each end in one located error
/// line and exit code 1, with no stack trace, in little memory. Needs no engine.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly string _folder = Directory.CreateTempSubdirectory("composer-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public async Task Flow_collections_nested_20000_deep_give_one_located_line(string open, string close)
    {
        Write("compose.yaml", "x-a: " + string.Concat(Enumerable.Repeat(open, 20_000)) + string.Concat(Enumerable.Repeat(close, 20_000)) + "\nservices: {}\n");

        var error = await OneErrorLineAsync("config", "-q");

        Assert.Matches(@"compose\.yaml:1:\d+: nesting deeper than 256 levels$", error);
    }

    [Fact]
    public async Task Dev_zero_as_compose_file_gives_one_located_line()
    {
        var error = await OneErrorLineAsync("-f", "/dev/zero", "config", "-q");

        Assert.EndsWith("/dev/zero:1:33554433: the compose file is larger than 32 MiB, the most Composer reads from one file", error);
    }

    [Fact]
    public async Task Dev_zero_as_env_file_gives_one_located_line()
    {
        Write("compose.yaml", "services:\n  web:\n    image: busybox\n");

        var error = await OneErrorLineAsync("--env-file", "/dev/zero", "config", "-q");

        Assert.EndsWith("/dev/zero:1:4194305: the env file is larger than 4 MiB, the most Composer reads from one file", error);
    }

    [Fact]
    public async Task A_self_doubling_env_chain_gives_one_located_line()
    {
        Write("compose.yaml", "services:\n  web:\n    image: busybox\n    environment:\n      BIG: $V60\n");
        Write(".env", "V0=xxxxxxxxxxxxxxxx\n" + string.Concat(Enumerable.Range(1, 60).Select(index => $"V{index}=$V{index - 1}$V{index - 1}\n")));

        var error = await OneErrorLineAsync("config", "-q");

        Assert.Contains(".env:18:5: substituting variables makes this value longer than 1,048,576 characters", error);
    }

    [Fact]
    public async Task A_comment_sign_opening_a_flow_mapping_is_located_without_dotnet_text()
    {
        Write("compose.yaml", "x-a: {#a: 1}\nservices:\n  web:\n    image: busybox\n");

        var error = await OneErrorLineAsync("config", "-q");

        Assert.EndsWith("compose.yaml:1:7: invalid YAML: cannot read the text from here ('#')", error);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder, name), content);

    /// <summary>Runs composer and returns its only line of standard error, after checking exit code 1 and no output.</summary>
    private async Task<string> OneErrorLineAsync(params string[] arguments)
    {
        var (code, cli) = await CliProcess.RunAsync(_folder, Limit, arguments);

        Assert.True(code == 1, $"exit code {code}: {cli.Error}");
        Assert.Equal(string.Empty, cli.Output);
        var line = Assert.Single(cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
        return line.TrimEnd('\r');
    }
}
