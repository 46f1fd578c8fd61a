using Composer.Engine.Contracts;
using Composer.Orchestration.Images;
using Microsoft.Extensions.Time.Testing;

namespace Composer.Engine.Tests.Unit.Images;

public sealed class PullPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, PullPolicyKind.Missing)]
    [InlineData("missing", PullPolicyKind.Missing)]
    [InlineData("if_not_present", PullPolicyKind.Missing)]
    [InlineData("always", PullPolicyKind.Always)]
    [InlineData("never", PullPolicyKind.Never)]
    [InlineData("build", PullPolicyKind.Build)]
    [InlineData("daily", PullPolicyKind.Refresh)]
    public void Policies_are_read_by_name(string? text, PullPolicyKind expected) =>
        Assert.Equal(expected, PullPolicy.Parse(text, "web").Kind);

    [Theory]
    [InlineData("daily", 24 * 60)]
    [InlineData("weekly", 7 * 24 * 60)]
    [InlineData("every_12h", 12 * 60)]
    [InlineData("every_2d", 2 * 24 * 60)]
    [InlineData("every_1h30m", 90)]
    [InlineData("every_1w", 7 * 24 * 60)]
    public void Refresh_policies_carry_their_interval(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), PullPolicy.Parse(text, "web").Interval);

    [Theory]
    [InlineData("sometimes")]
    [InlineData("every_")]
    [InlineData("every_12")]
    [InlineData("every_12hours")]
    [InlineData("every_0h")]
    public void Unknown_policies_are_an_error_naming_the_service(string text)
    {
        var error = Assert.Throws<FormatException>(() => PullPolicy.Parse(text, "web"));
        Assert.Contains("service \"web\"", error.Message);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Missing_pulls_only_an_absent_image()
    {
        Assert.True(PullDecision.MustPull(PullPolicy.Missing, null, Start));
        Assert.False(PullDecision.MustPull(PullPolicy.Missing, Image(taggedAt: Start.AddYears(-1)), Start));
    }

    [Fact]
    public void Always_pulls_even_a_present_image_and_never_or_build_never_pull()
    {
        Assert.True(PullDecision.MustPull(PullPolicy.Parse("always", "web"), Image(taggedAt: Start), Start));
        Assert.False(PullDecision.MustPull(PullPolicy.Parse("never", "web"), null, Start));
        Assert.False(PullDecision.MustPull(PullPolicy.Parse("build", "web"), null, Start));
    }

    [Fact]
    public void Every_12h_pulls_once_the_last_tag_is_12_hours_old()
    {
        var clock = new FakeTimeProvider(Start);
        var policy = PullPolicy.Parse("every_12h", "web");
        var image = Image(taggedAt: Start);

        clock.Advance(TimeSpan.FromHours(11) + TimeSpan.FromMinutes(59));
        Assert.False(PullDecision.MustPull(policy, image, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(PullDecision.MustPull(policy, image, clock.GetUtcNow()));
    }

    [Fact]
    public void Refresh_counts_from_the_last_tag_not_from_when_the_image_was_built()
    {
        var clock = new FakeTimeProvider(Start);
        var image = Image(taggedAt: Start.AddHours(-1)) with { Created = Start.AddDays(-300) };

        Assert.False(PullDecision.MustPull(PullPolicy.Parse("daily", "web"), image, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(23));
        Assert.True(PullDecision.MustPull(PullPolicy.Parse("daily", "web"), image, clock.GetUtcNow()));
    }

    [Fact]
    public void Refresh_falls_back_to_the_creation_time_and_pulls_a_missing_image()
    {
        var neverTagged = new ImageDetails { Id = "sha256:1", Created = Start.AddDays(-8) };

        Assert.True(PullDecision.MustPull(PullPolicy.Parse("weekly", "web"), neverTagged, Start));
        Assert.False(PullDecision.MustPull(PullPolicy.Parse("weekly", "web"), neverTagged with { Created = Start.AddDays(-6) }, Start));
        Assert.True(PullDecision.MustPull(PullPolicy.Parse("weekly", "web"), null, Start));
    }

    private static ImageDetails Image(DateTimeOffset taggedAt) => new() { Id = "sha256:1", Created = taggedAt, LastTagged = taggedAt };
}
