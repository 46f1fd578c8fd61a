using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class SchemaPatternTests
{
    [Theory]
    [InlineData("^x-", "x-owner", true)]
    [InlineData("^x-", "xfoo", false)]
    [InlineData("^x-", "X-owner", false)]
    [InlineData("^[a-zA-Z0-9._-]+$", "web_1.v-2", true)]
    [InlineData("^[a-zA-Z0-9._-]+$", "my web", false)]
    [InlineData("^[a-zA-Z0-9._-]+$", "", false)]
    [InlineData("^[a-zA-Z0-9._-]+$", "café", false)]
    [InlineData("^[a-z]+$", "nofile", true)]
    [InlineData("^[a-z]+$", "NOFILE", false)]
    [InlineData("^.+$", "anything at all", true)]
    [InlineData("^.+$", "", false)]
    [InlineData("^.+$", "two\nlines", false)]
    [InlineData("^[0-9]+(ms|s)$", "10ms", true)]
    [InlineData("^[0-9]+(ms|s)$", "10m", false)]
    [InlineData("^[^a]+$", "bcd", true)]
    [InlineData("^[^a]+$", "bad", false)]
    [InlineData("port", "export", true)]
    public void Pattern_matches_like_the_regular_expression(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, new SchemaPattern(pattern).IsMatch(text));
    }
}
