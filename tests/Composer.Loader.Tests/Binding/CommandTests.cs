using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class CommandTests
{
    [Theory]
    [InlineData("echo hello", new[] { "echo", "hello" })]
    [InlineData("sh -c 'echo $$HOME && ls'", new[] { "sh", "-c", "echo $HOME && ls" })]
    [InlineData("echo \"a \\\"quoted\\\" word\"", new[] { "echo", "a \"quoted\" word" })]
    [InlineData("a\\ b  c", new[] { "a b", "c" })]
    [InlineData("pre'fix'\"ed\"", new[] { "prefixed" })]
    public void A_string_command_splits_like_a_shell(string command, string[] words)
    {
        var yaml = "command: '" + command.Replace("'", "''", StringComparison.Ordinal) + "'";

        Assert.Equal(words, BindingHarness.Web(yaml).Command!);
    }

    [Fact]
    public void A_list_is_kept_and_an_empty_list_overrides_the_image()
    {
        var service = BindingHarness.Web("command: [\"npm\", \"start\"]\nentrypoint: []");

        Assert.Equal(["npm", "start"], service.Command!);
        Assert.NotNull(service.Entrypoint);
        Assert.Empty(service.Entrypoint);
        Assert.Null(BindingHarness.Web("image: x").Command);
    }

    [Fact]
    public void Canonical_form_is_a_list_and_keeps_an_empty_override()
    {
        Assert.Equal("entrypoint: []\n", BindingHarness.WebAttributeYaml("entrypoint: []", "entrypoint"));
        Assert.Equal("""
            command:
              - sh
              - -c
              - echo "true"

            """, BindingHarness.WebAttributeYaml("command: sh -c 'echo \"true\"'", "command"));
    }

    [Fact]
    public void An_unterminated_quote_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("command: echo 'oops")));

        Assert.Equal("services.web.command", diagnostic.Path);
        Assert.Contains("unterminated", diagnostic.Message, StringComparison.Ordinal);
    }
}
