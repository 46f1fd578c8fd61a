using Composer.Loader.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Composer.Loader.Tests.Conformance;

/// <summary>
/// Loads every compose file of the conformance corpus through the whole loader, alone, the way the upstream tests
/// load it: its folder as working directory (so its sibling .env is read), the variables the upstream test sets, and
/// every profile enabled where the upstream test enables them.
/// </summary>
public sealed class LoaderConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> ValidFiles() =>
        new(ConformanceCorpus.Expectations.Where(pair => !pair.Value.Skip && pair.Value.Valid).Select(pair => pair.Key));

    public static TheoryData<string> InvalidFiles() =>
        new(ConformanceCorpus.Expectations.Where(pair => !pair.Value.Skip && !pair.Value.Valid).Select(pair => pair.Key));

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task Valid_fixture_loads(string relativePath)
    {
        var failure = await TryLoadAsync(relativePath);

        Assert.True(failure is null, $"{relativePath} ({ConformanceCorpus.Expectations[relativePath].Why}):\n{failure?.Message}");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Invalid_fixture_fails_with_the_expected_cause(string relativePath)
    {
        var expectation = ConformanceCorpus.Expectations[relativePath];

        var failure = await TryLoadAsync(relativePath);

        Assert.NotNull(failure);
        Assert.True(
            failure.Message.Contains(expectation.ErrorContains!, StringComparison.Ordinal),
            $"{relativePath}: expected an error containing '{expectation.ErrorContains}', got:\n{failure.Message}");
    }

    [Theory]
    [InlineData("compose-go/loader/testdata/compose-depends-on-cycle.yaml", "dependency cycle")]
    [InlineData("compose-go/loader/testdata/compose-depends-on-self.yaml", "dependency cycle")]
    [InlineData("compose-go/loader/testdata/compose-include-cycle.yaml", "include cycle")]
    [InlineData("compose-go/loader/testdata/empty.yaml", "empty compose file")]
    [InlineData("compose/pkg/e2e/fixtures/wrong-composefile/compose.yaml", "additional property 'wrongField' is not allowed")]
    public async Task Broken_fixture_says_what_is_wrong(string relativePath, string cause)
    {
        var failure = await TryLoadAsync(relativePath);

        Assert.NotNull(failure);
        Assert.Contains(cause, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_of_the_corpus_are_reported()
    {
        int loaded = 0, failedAsExpected = 0, unexpected = 0;
        foreach (var (relativePath, expectation) in ConformanceCorpus.Expectations.Where(pair => !pair.Value.Skip))
        {
            var failure = await TryLoadAsync(relativePath);
            if (expectation.Valid && failure is null)
            {
                loaded++;
            }
            else if (!expectation.Valid && failure is not null && failure.Message.Contains(expectation.ErrorContains!, StringComparison.Ordinal))
            {
                failedAsExpected++;
            }
            else
            {
                unexpected++;
                output.WriteLine($"unexpected: {relativePath}");
            }
        }

        var skipped = ConformanceCorpus.Expectations.Count(pair => pair.Value.Skip);
        output.WriteLine($"loaded: {loaded}, failed as expected: {failedAsExpected}, skipped: {skipped}, unexpected: {unexpected}");
        Assert.Equal(0, unexpected);
    }

    /// <summary>The load failure, or null when the file loaded.</summary>
    private static async Task<LoadException?> TryLoadAsync(string relativePath)
    {
        var expectation = ConformanceCorpus.Expectations[relativePath];
        var fullPath = ConformanceCorpus.FullPath(relativePath);
        var options = new LoadOptions
        {
            ConfigFiles = [fullPath],
            WorkingDirectory = Path.GetDirectoryName(fullPath)!,
            Environment = expectation.Environment ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Profiles = expectation.Profiles ?? [],
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await ProjectLoader.LoadAsync(options, timeout.Token);
            return null;
        }
        catch (LoadException exception)
        {
            return exception;
        }
    }
}
