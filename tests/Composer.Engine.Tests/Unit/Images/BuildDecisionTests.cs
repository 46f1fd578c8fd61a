using Composer.Orchestration.Images;

namespace Composer.Engine.Tests.Unit.Images;

public sealed class BuildDecisionTests
{
    [Theory]
    [InlineData(null, false, true, false)]
    [InlineData(null, false, false, true)]
    [InlineData(null, true, true, true)]
    [InlineData("missing", false, true, false)]
    [InlineData("always", false, true, false)]
    [InlineData("never", false, true, false)]
    [InlineData("build", false, true, true)]
    [InlineData("build", false, false, true)]
    [InlineData("build", true, true, true)]
    public void Builds_a_missing_image_on_build_requests_and_always_under_pull_policy_build(string? policy, bool rebuildRequested, bool imageExists, bool expected) =>
        Assert.Equal(expected, BuildDecision.MustBuild(PullPolicy.Parse(policy, "web"), rebuildRequested, imageExists));
}
