using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Limits;

/// <summary>
/// Issue 14: a chained .env (<c>B=$A$A</c>, <c>C=$B$B</c>, ...) exhausted memory. A value may grow to 1 Mi characters
/// by substitution, and all substituted values of a load (or of one env file) to 16 Mi; past that, one located error.
/// </summary>
public sealed class SubstitutionGrowthTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_self_doubling_env_chain_stops_at_the_line_that_crosses_the_value_limit()
    {
        var compose = _folder.Write("compose.yaml", "services:\n  web:\n    image: x\n    environment:\n      BIG: $V60\n");
        var lines = new List<string> { "V0=xxxxxxxxxxxxxxxx" };
        lines.AddRange(Enumerable.Range(1, 60).Select(index => $"V{index}=$V{index - 1}$V{index - 1}"));
        var env = _folder.Write(".env", string.Join('\n', lines) + "\n");

        var errors = await FailureAsync(compose);

        // 16 characters doubled 16 times is 1 Mi: line 18 (V17) is the first value over the limit.
        var error = Assert.Single(errors);
        Assert.Equal($"{env}:18:5: substituting variables makes this value longer than 1,048,576 characters, the most Composer allows", error.ToString());
    }

    [Fact]
    public async Task Many_references_to_a_large_variable_stop_at_the_total_limit_with_one_error()
    {
        var compose = _folder.Write(
            "compose.yaml",
            "services:\n  web:\n    image: x\n    labels:\n" + string.Concat(Enumerable.Range(0, 100).Select(index => $"      l{index}: ${{BIG}}\n")));
        _folder.Write(".env", "BIG=" + new string('x', 1 << 20) + "\n");

        var error = Assert.Single(await FailureAsync(compose));

        // Sixteen values of 1 Mi fill the budget exactly: the seventeenth label (line 21) crosses it.
        Assert.Equal(4 + 17, error.Mark.Line);
        Assert.Contains("grow beyond 16,777,216 characters in total", error.Message);
    }

    [Fact]
    public async Task An_env_file_that_crosses_the_value_limit_on_every_line_stops_when_the_total_is_spent()
    {
        // Each refused line used to build a whole 1 Mi value and charge nothing: 20,000 of these lines (240 KB) took
        // a minute. A refusal now costs what it built, so the file's 16 Mi run out after sixteen of them.
        var compose = _folder.Write("compose.yaml", "services:\n  web:\n    image: x\n");
        var env = _folder.Write(".env", string.Concat(Enumerable.Repeat("K=${K}${K}x\n", 2_000)));

        var errors = await FailureAsync(compose);

        // Line n makes K 2^n - 1 characters long: line 21 is the first over 1 Mi.
        Assert.Equal($"{env}:21:3: substituting variables makes this value longer than 1,048,576 characters, the most Composer allows", errors[0].ToString());
        Assert.InRange(errors.Count, 1, 17);
        Assert.All(errors, error => Assert.True(error.Mark.Line >= 21 && error.Mark.Column > 0, error.ToString()));
    }

    [Fact]
    public async Task Compose_values_that_each_cross_the_value_limit_stop_when_the_total_is_spent()
    {
        var compose = _folder.Write(
            "compose.yaml",
            "services:\n  web:\n    image: x\n    labels:\n" + string.Concat(Enumerable.Range(0, 2_000).Select(index => $"      l{index}: ${{A}}${{A}}\n")));
        _folder.Write(".env", "A=" + new string('y', 600_000) + "\n");

        var errors = await FailureAsync(compose);

        Assert.Equal(5, errors[0].Mark.Line);
        Assert.Contains("longer than 1,048,576 characters", errors[0].Message);
        Assert.InRange(errors.Count, 1, 17);
    }

    [Fact]
    public async Task Templates_nested_thousands_deep_give_an_error_not_a_stack_overflow()
    {
        var compose = _folder.Write(
            "compose.yaml",
            "services:\n  web:\n    image: \"" + string.Concat(Enumerable.Repeat("${A:-", 100_000)) + "x" + new string('}', 100_000) + "\"\n");

        var error = Assert.Single(await FailureAsync(compose));

        Assert.Equal(3, error.Mark.Line);
        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public async Task Values_within_the_limits_substitute_as_before()
    {
        var compose = _folder.Write("compose.yaml", "services:\n  web:\n    image: x\n    environment:\n      BIG: $V10\n");
        _folder.Write(".env", "V0=ab\n" + string.Concat(Enumerable.Range(1, 10).Select(index => $"V{index}=$V{index - 1}$V{index - 1}\n")));

        var result = await ProjectLoader.LoadAsync(new LoadOptions { ConfigFiles = [compose], WorkingDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal(2 << 10, result.Project.Services["web"].Environment["BIG"]!.Length);
        Assert.True(InputLimits.MaxSubstitutedValueLength > 2 << 10);
    }

    private async Task<IReadOnlyList<Diagnostic>> FailureAsync(string compose) =>
        (await Assert.ThrowsAsync<LoadException>(() =>
            ProjectLoader.LoadAsync(new LoadOptions { ConfigFiles = [compose], WorkingDirectory = _folder.Path }, CancellationToken.None))).Diagnostics;
}
