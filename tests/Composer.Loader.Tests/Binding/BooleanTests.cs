using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class BooleanTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    [InlineData("\"true\"", true)]
    [InlineData("'false'", false)]
    public void Booleans_accept_yaml_12_words_plain_or_quoted(string written, bool expected)
    {
        Assert.Equal(expected, BindingHarness.Web($"privileged: {written}").Privileged);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("1")]
    public void Yaml_11_words_are_not_booleans(string written)
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services($"tty: {written}")));

        Assert.Equal("services.web.tty", diagnostic.Path);
        Assert.Contains("boolean", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void False_is_printed_when_set()
    {
        Assert.Equal("read_only: false\n", BindingHarness.WebAttributeYaml("read_only: false", "read_only"));
    }
}
