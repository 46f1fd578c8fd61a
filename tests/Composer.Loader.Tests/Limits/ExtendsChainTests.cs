using System.Text;
using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Limits;

/// <summary>
/// Found by the fuzz run: resolving <c>extends</c> recurses once per link, so a chain of 1,339 services overflowed a
/// 512 KiB stack. Chains are limited to 64 links, reported once.
/// </summary>
public sealed class ExtendsChainTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_chain_of_thousands_of_services_gives_one_error()
    {
        var error = Assert.Single((await Assert.ThrowsAsync<LoadException>(() => LoadAsync(Chain(3000)))).Diagnostics);

        Assert.Equal($"services.s{InputLimits.MaxExtendsChain}.extends", error.Path);
        Assert.Equal($"extends chain longer than {InputLimits.MaxExtendsChain} services", error.Message);
    }

    [Fact]
    public async Task A_chain_within_the_limit_resolves()
    {
        var result = await LoadAsync(Chain(InputLimits.MaxExtendsChain));

        Assert.Equal("base", result.Project.Services["s0"].Image);
    }

    private static string Chain(int links)
    {
        var text = new StringBuilder("services:\n");
        for (var index = 0; index < links; index++)
        {
            text.Append($"  s{index}:\n    extends: s{index + 1}\n");
        }

        return text.Append($"  s{links}:\n    image: base\n").ToString();
    }

    private Task<LoadResult> LoadAsync(string yaml) =>
        ProjectLoader.LoadAsync(new LoadOptions { ConfigFiles = [_folder.Write("compose.yaml", yaml)], WorkingDirectory = _folder.Path }, CancellationToken.None);
}
