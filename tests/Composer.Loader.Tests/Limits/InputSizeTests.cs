using System.Text;
using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Limits;

/// <summary>
/// Issue 14: <c>-f /dev/zero</c> read 4.5 GB before failing and <c>--env-file /dev/zero</c> exhausted memory. Every
/// file the loader reads is bounded: one located error, and never more than the limit plus one byte read.
/// </summary>
public sealed class InputSizeTests : IDisposable
{
    private const string Zeros = "/dev/zero";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_compose_file_beyond_the_limit_is_refused_where_the_limit_is_crossed()
    {
        var path = Path.Combine(_folder.Path, "compose.yaml");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes("services:\n  web:\n    image: x\n# "));
            file.SetLength(InputLimits.MaxComposeFileBytes + 10L);
        }

        var error = Assert.Single(await FailureAsync(new LoadOptions { ConfigFiles = [path], WorkingDirectory = _folder.Path }));

        Assert.Equal(path, error.Mark.File);
        Assert.Equal(4, error.Mark.Line);
        Assert.Equal("the compose file is larger than 32 MiB, the most Composer reads from one file", error.Message);
    }

    [SkippableDevZeroFact]
    public async Task Dev_zero_as_compose_file_is_refused()
    {
        var error = Assert.Single(await FailureAsync(new LoadOptions { ConfigFiles = [Zeros], WorkingDirectory = _folder.Path }));

        Assert.Equal($"{Zeros}:1:{InputLimits.MaxComposeFileBytes + 1}: the compose file is larger than 32 MiB, the most Composer reads from one file", error.ToString());
    }

    [Fact]
    public async Task Endless_standard_input_is_refused()
    {
        var options = new LoadOptions { ConfigFiles = ["-"], WorkingDirectory = _folder.Path, StandardInput = new EndlessReader() };

        var error = Assert.Single(await FailureAsync(options));

        Assert.Equal("<stdin>", error.Mark.File);
        Assert.Contains("larger than 32 MiB", error.Message);
    }

    [SkippableDevZeroFact]
    public async Task Dev_zero_as_env_file_is_refused()
    {
        var compose = _folder.Write("compose.yaml", "services:\n  web:\n    image: x\n");

        var error = Assert.Single(await FailureAsync(new LoadOptions { ConfigFiles = [compose], EnvFiles = [Zeros], WorkingDirectory = _folder.Path }));

        Assert.Equal($"{Zeros}:1:{InputLimits.MaxEnvFileBytes + 1}: the env file is larger than 4 MiB, the most Composer reads from one file", error.ToString());
    }

    [SkippableDevZeroFact]
    public async Task Dev_zero_as_a_service_env_file_is_refused_once()
    {
        var compose = _folder.Write("compose.yaml", $"services:\n  web:\n    image: x\n    env_file: {Zeros}\n  api:\n    image: x\n    env_file: {Zeros}\n");

        var error = Assert.Single(await FailureAsync(new LoadOptions { ConfigFiles = [compose], WorkingDirectory = _folder.Path }));

        Assert.Contains("the env file is larger than 4 MiB", error.Message);
    }

    [Fact]
    public async Task A_project_env_file_beyond_the_limit_is_refused()
    {
        var compose = _folder.Write("compose.yaml", "services:\n  web:\n    image: x\n");
        _folder.Write(".env", "A=" + new string('x', InputLimits.MaxEnvFileBytes));

        var error = Assert.Single(await FailureAsync(new LoadOptions { ConfigFiles = [compose], WorkingDirectory = _folder.Path }));

        Assert.Equal($"{Path.Combine(_folder.Path, ".env")}:1:{InputLimits.MaxEnvFileBytes + 1}: the env file is larger than 4 MiB, the most Composer reads from one file", error.ToString());
    }

    private static async Task<IReadOnlyList<Diagnostic>> FailureAsync(LoadOptions options) =>
        (await Assert.ThrowsAsync<LoadException>(() => ProjectLoader.LoadAsync(options, CancellationToken.None))).Diagnostics;

    /// <summary>Standard input that never ends.</summary>
    private sealed class EndlessReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, 'x', index, count);
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill('x');
            return ValueTask.FromResult(buffer.Length);
        }
    }

    /// <summary>A fact that needs <c>/dev/zero</c> (every Linux machine has it).</summary>
    private sealed class SkippableDevZeroFactAttribute : FactAttribute
    {
        public SkippableDevZeroFactAttribute()
        {
            if (!File.Exists(Zeros))
            {
                Skip = $"{Zeros} is not available";
            }
        }
    }
}
