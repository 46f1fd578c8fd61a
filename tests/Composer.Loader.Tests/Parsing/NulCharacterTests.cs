using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Parsing;

public sealed class NulCharacterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Escaped_nul_character_is_reported_at_its_value()
    {
        var error = Assert.Single(Yaml.Errors("services:\n  web:\n    image: \"a\\0b\"\n"));

        Assert.Equal(3, error.Mark.Line);
        Assert.Contains("NUL character", error.Message);
    }

    [Fact]
    public async Task Nul_character_in_an_include_path_fails_the_load_with_the_reader_diagnostic_only()
    {
        var composeFile = _folder.Write("compose.yaml", "include:\n  - path: \"\\0\"\nservices:\n  web:\n    image: a\n");

        var failure = await Assert.ThrowsAsync<LoadException>(
            () => ProjectLoader.LoadAsync(new LoadOptions { ConfigFiles = [composeFile], WorkingDirectory = _folder.Path }, CancellationToken.None));

        var error = Assert.Single(failure.Diagnostics);
        Assert.Contains("NUL character", error.Message);
    }
}
