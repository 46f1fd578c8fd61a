using Composer.Loader.Binding;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512m", 512L << 20)]
    [InlineData("1gb", 1L << 30)]
    [InlineData("1GB", 1L << 30)]
    [InlineData("2k", 2048L)]
    [InlineData("2kb", 2048L)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("100b", 100L)]
    [InlineData("4096", 4096L)]
    [InlineData("-1", -1L)]
    [InlineData("1mi", 1L << 20)]
    public void Sizes_parse_with_binary_units(string text, long bytes)
    {
        Assert.True(ByteSizeText.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("12x")]
    [InlineData("")]
    [InlineData("99999999999999999999999999999p")]
    [InlineData("9999999999p")]
    public void Invalid_sizes_fail(string text)
    {
        Assert.False(ByteSizeText.TryParse(text, out _));
    }

    [Fact]
    public void Memory_attributes_bind_to_byte_counts_and_print_as_integers()
    {
        var service = BindingHarness.Web("mem_limit: 512m\nmem_reservation: 128000\nmemswap_limit: -1\nshm_size: 64mb");

        Assert.Equal(512L << 20, service.MemLimit);
        Assert.Equal(128000L, service.MemReservation);
        Assert.Equal(-1L, service.MemswapLimit);
        Assert.Equal(64L << 20, service.ShmSize);
        Assert.Equal("mem_limit: 536870912\n", BindingHarness.WebAttributeYaml("mem_limit: 512m", "mem_limit"));
    }

    [Fact]
    public void An_invalid_size_is_reported_where_it_is_written()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("mem_limit: lots")));

        Assert.Equal("services.web.mem_limit", diagnostic.Path);
        Assert.Equal((3, 16), (diagnostic.Mark.Line, diagnostic.Mark.Column));
    }
}
