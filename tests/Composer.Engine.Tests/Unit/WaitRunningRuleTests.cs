using Composer.Engine.Contracts;
using Composer.Orchestration.Readiness;

namespace Composer.Engine.Tests.Unit;

/// <summary>`up --wait` on a service without a healthcheck: running is ready, exited is a failure.</summary>
public sealed class WaitRunningRuleTests
{
    [Theory]
    [InlineData("created", 0, "Pending")]
    [InlineData("running", 0, "Ready")]
    [InlineData("restarting", 0, "Ready")]
    [InlineData("exited", 0, "Failed")]
    [InlineData("exited", 2, "Failed")]
    public void Running_condition_fails_on_any_exit(string state, long exitCode, string expected)
    {
        var verdict = ReadinessRules.Judge("web", ReadinessRules.Running, new ContainerInspection { Id = "1", Name = "p-web-1", State = state, ExitCode = exitCode });

        var actual = verdict.Satisfied ? "Ready" : verdict.Failure is null ? "Pending" : "Failed";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_failure_names_the_service_and_exit_code()
    {
        var verdict = ReadinessRules.Judge("web", ReadinessRules.Running, new ContainerInspection { Id = "1", Name = "p-web-1", State = "exited", ExitCode = 3 });

        Assert.Equal("web exited with code 3", verdict.Failure);
    }
}
