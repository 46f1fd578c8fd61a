using Composer.Model;
using Composer.Orchestration.Hooks;

namespace Composer.Engine.Tests.Unit.Watch;

/// <summary>The environment of a hook's exec, the same for post_start, pre_stop and a sync+exec rule's exec.</summary>
public sealed class HookEnvironmentTests
{
    [Fact]
    public void A_name_without_a_value_takes_the_projects_value_and_a_name_set_nowhere_is_left_out()
    {
        var project = new Project
        {
            Name = "hooks",
            WorkingDirectory = "/app",
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["FOO"] = "from-dotenv", ["GIVEN"] = "project" },
        };
        var written = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["FOO"] = null,
            ["GIVEN"] = "as written",
            ["EMPTY"] = "",
            ["COMPOSER_TEST_SET_NOWHERE_5F3A"] = null,
        };

        Assert.Equal(["EMPTY=", "FOO=from-dotenv", "GIVEN=as written"], HookEnvironment.Of(project, written));
    }
}
