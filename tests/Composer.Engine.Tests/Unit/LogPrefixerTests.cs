using Composer.Orchestration.Logs;

namespace Composer.Engine.Tests.Unit;

public sealed class LogPrefixerTests
{
    [Fact]
    public void Labels_are_padded_to_the_longest_known_so_the_bars_line_up()
    {
        var prefixer = new LogPrefixer(prefix: true, colour: false);
        prefixer.Register("db", "db-1");
        prefixer.Register("worker", "worker-1");

        Assert.Equal("db-1     | ready", prefixer.Format("db", "db-1", "ready"));
        Assert.Equal("worker-1 | busy", prefixer.Format("worker", "worker-1", "busy"));
    }

    [Fact]
    public void Without_prefix_the_text_is_unchanged()
    {
        var prefixer = new LogPrefixer(prefix: false, colour: true);

        Assert.Equal("plain", prefixer.Format("web", "web-1", "plain"));
    }

    [Fact]
    public void Colour_is_per_service_and_the_text_itself_stays_uncoloured()
    {
        var prefixer = new LogPrefixer(prefix: true, colour: true);

        var first = prefixer.Format("web", "web-1", "a");
        var second = prefixer.Format("web", "web-2", "b");
        var other = prefixer.Format("db", "db-1", "c");

        Assert.StartsWith("\u001b[36m", first, StringComparison.Ordinal);
        Assert.StartsWith("\u001b[36m", second, StringComparison.Ordinal);
        Assert.StartsWith("\u001b[33m", other, StringComparison.Ordinal);
        Assert.EndsWith("|\u001b[0m a", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_about_a_container_have_no_bar()
    {
        var prefixer = new LogPrefixer(prefix: true, colour: false);
        prefixer.Register("worker", "worker-1");

        Assert.Equal("web-1 exited with code 0", prefixer.Notice("web", "web-1", "exited with code 0"));
    }

    [Theory]
    [InlineData("proj-web-1", "web-1")]
    [InlineData("proj_web_1", "web_1")]
    [InlineData("my-custom-name", "my-custom-name")]
    public void The_label_is_service_and_number_unless_the_container_was_named_by_hand(string containerName, string label)
    {
        Assert.Equal(label, LogPrefixer.LabelFor("proj", "web", 1, containerName));
    }
}
