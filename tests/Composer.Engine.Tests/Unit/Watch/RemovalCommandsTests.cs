using Composer.Orchestration.Watch;

namespace Composer.Engine.Tests.Unit.Watch;

public sealed class RemovalCommandsTests
{
    [Fact]
    public void Paths_below_a_deleted_folder_are_left_to_its_removal_and_the_rest_is_one_command()
    {
        var commands = RemovalCommands.For(["/src/a/x.txt", "/src/a", "/src/a b", "/src/a/y/z", "/src/b.txt", "/src/a"]);

        var command = Assert.Single(commands);
        Assert.Equal(["rm", "-rf", "--", "/src/a", "/src/a b", "/src/b.txt"], command);
    }

    [Fact]
    public void A_very_large_deletion_is_split_into_commands_well_under_the_argument_limit()
    {
        var deleted = Enumerable.Range(0, 20_000).Select(number => $"/app/node_modules_gone/package{number}/index.js").ToList();

        var commands = RemovalCommands.For(deleted);

        Assert.True(commands.Count > 1);
        Assert.All(commands, command => Assert.True(command.Skip(3).Sum(path => path.Length + 1) <= RemovalCommands.MaxPathBytes));
        Assert.Equal(deleted.Order(StringComparer.Ordinal), commands.SelectMany(command => command.Skip(3)));
    }
}
