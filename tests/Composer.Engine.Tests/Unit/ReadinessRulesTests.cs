using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Readiness;

namespace Composer.Engine.Tests.Unit;

public sealed class ReadinessRulesTests
{
    private static ContainerInspection Container(string state, string? health = null, long exitCode = 0, string? output = null) =>
        new() { Id = "id", Name = "db-1", State = state, Running = state == "running", Health = health, ExitCode = exitCode, LastHealthOutput = output };

    [Theory]
    [InlineData(ServiceDependency.Started, "running", null, 0, true, null)]
    [InlineData(ServiceDependency.Started, "created", null, 0, false, null)]
    [InlineData(ServiceDependency.Healthy, "running", "healthy", 0, true, null)]
    [InlineData(ServiceDependency.Healthy, "running", "starting", 0, false, null)]
    [InlineData(ServiceDependency.Healthy, "running", "unhealthy", 0, false, "db is unhealthy: pg not ready")]
    [InlineData(ServiceDependency.Healthy, "running", null, 0, false, "db has no healthcheck, so it can never be healthy")]
    [InlineData(ServiceDependency.Healthy, "exited", "starting", 3, false, "db exited with code 3 before it was healthy")]
    [InlineData(ServiceDependency.CompletedSuccessfully, "running", null, 0, false, null)]
    [InlineData(ServiceDependency.CompletedSuccessfully, "exited", null, 0, true, null)]
    [InlineData(ServiceDependency.CompletedSuccessfully, "exited", null, 2, false, "db did not complete successfully: exit code 2")]
    public void Conditions_are_judged_from_one_inspect(string condition, string state, string? health, long exitCode, bool satisfied, string? failure)
    {
        var verdict = ReadinessRules.Judge("db", condition, Container(state, health, exitCode, "pg not ready"));

        Assert.Equal((satisfied, failure), (verdict.Satisfied, verdict.Failure));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    public void An_unhealthy_check_that_printed_nothing_says_so_instead_of_ending_on_a_colon(string? output)
    {
        var verdict = ReadinessRules.Judge("db", ServiceDependency.Healthy, Container("running", "unhealthy", 0, output));

        Assert.Equal("db is unhealthy (its healthcheck printed nothing)", verdict.Failure);
    }
}
