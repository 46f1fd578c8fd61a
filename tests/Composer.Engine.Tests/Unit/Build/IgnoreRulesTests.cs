using Composer.Engine.Build;

namespace Composer.Engine.Tests.Unit.Build;

public sealed class IgnoreRulesTests
{
    [Theory]
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "logs/app.log", false)]
    [InlineData("*/*.log", "logs/app.log", true)]
    [InlineData("**/*.log", "app.log", true)]
    [InlineData("**/*.log", "a/b/c/app.log", true)]
    [InlineData("secret?.txt", "secret1.txt", true)]
    [InlineData("secret?.txt", "secret12.txt", false)]
    [InlineData("/build", "build/out.o", true)]
    [InlineData("build", "build/out.o", true)]
    [InlineData("build", "src/build", false)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("docs/**", "docsx/a.md", false)]
    [InlineData("a/**/z", "a/z", true)]
    [InlineData("a/**/z", "a/b/c/z", true)]
    [InlineData("[ab].txt", "b.txt", true)]
    [InlineData("[!ab].txt", "b.txt", false)]
    [InlineData("./tmp/../cache", "cache/x", true)]
    public void A_single_pattern_matches_like_docker(string pattern, string path, bool ignored) =>
        Assert.Equal(ignored, IgnoreRules.Parse(pattern).IsIgnored(path));

    [Fact]
    public void An_exception_brings_back_a_file_and_a_later_line_wins()
    {
        var rules = IgnoreRules.Parse("""
            *.md
            !README.md
            README-secret.md
            !docs/**/keep.md
            """);

        Assert.True(rules.IsIgnored("CHANGES.md"));
        Assert.False(rules.IsIgnored("README.md"));
        Assert.True(rules.IsIgnored("README-secret.md"));
        Assert.False(rules.IsIgnored("docs/keep.md"));
        Assert.True(rules.HasExceptions);
    }

    [Fact]
    public void An_exception_inside_an_ignored_directory_brings_that_file_back()
    {
        var rules = IgnoreRules.Parse("vendor\n!vendor/keep.txt\n");

        Assert.True(rules.IsIgnored("vendor/drop.txt"));
        Assert.False(rules.IsIgnored("vendor/keep.txt"));
    }

    [Fact]
    public void Comments_blank_lines_and_surrounding_spaces_are_skipped()
    {
        var rules = IgnoreRules.Parse("# *.txt\n\n   notes.txt   \r\n");

        Assert.False(rules.IsIgnored("other.txt"));
        Assert.True(rules.IsIgnored("notes.txt"));
        Assert.False(rules.HasExceptions);
    }
}
