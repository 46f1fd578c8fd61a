using Composer.Orchestration.Inspection;

namespace Composer.Engine.Tests.Unit.Inspection;

public sealed class CopyPathsTests
{
    [Theory]
    [InlineData("web:/etc/hosts", "web", "/etc/hosts")]
    [InlineData("web:etc/hosts", "web", "/etc/hosts")]
    [InlineData("/abs/a:b", null, "/abs/a:b")]
    [InlineData("./a:b", null, "./a:b")]
    [InlineData("plain.txt", null, "plain.txt")]
    [InlineData("-", null, "-")]
    public void Service_paths_need_a_colon_and_a_non_local_prefix(string argument, string? service, string path)
    {
        Assert.Equal(new CopyLocation(service, path), CopyPaths.Parse(argument));
    }

    [Fact]
    public void Exactly_one_side_is_in_a_container()
    {
        Assert.Throws<InspectionException>(() => CopyPaths.ParsePair("a", "b"));
        Assert.Throws<InspectionException>(() => CopyPaths.ParsePair("web:/a", "db:/b"));
        Assert.True(CopyPaths.ParsePair("web:/a", "b").Source.InContainer);
    }

    [Theory]
    [InlineData("/a/b", "b")]
    [InlineData("/a/b/", "b")]
    [InlineData("/a/b/.", ".")]
    [InlineData("b", "b")]
    public void The_last_part_names_the_tar_root(string path, string expected) =>
        Assert.Equal(expected, CopyPaths.LastPart(path));

    [Fact]
    public void Into_an_existing_folder_the_source_keeps_its_name()
    {
        Assert.Equal(new CopyTarget("/dest", "src", "src"), CopyPaths.Target("src", true, "/dest", true, true));
    }

    [Fact]
    public void To_a_new_or_file_path_the_source_is_renamed_in_the_parent()
    {
        Assert.Equal(new CopyTarget("/d", "a.txt", "b.txt"), CopyPaths.Target("a.txt", false, "/d/b.txt", false, false));
        Assert.Equal(new CopyTarget("/d", "a.txt", "b.txt"), CopyPaths.Target("a.txt", false, "/d/b.txt", true, false));
        Assert.Equal(new CopyTarget("/d", "dir", "new"), CopyPaths.Target("dir", true, "/d/new/", false, false));
    }

    [Fact]
    public void A_folder_never_replaces_a_file_and_a_file_needs_an_existing_folder_behind_a_slash()
    {
        Assert.Contains("directory to a file", Assert.Throws<InspectionException>(() => CopyPaths.Target("dir", true, "/d/f", true, false)).Message);
        Assert.StartsWith("no such directory", Assert.Throws<InspectionException>(() => CopyPaths.Target("a", false, "/d/missing/", false, false)).Message);
    }

    [Theory]
    [InlineData("src", "src", "dst", "dst")]
    [InlineData("src/", "src", "dst", "dst/")]
    [InlineData("src/x/y", "src", "dst", "dst/x/y")]
    [InlineData("srcother/x", "src", "dst", "srcother/x")]
    [InlineData("./x", ".", "dst", "dst/x")]
    public void Rebase_replaces_only_the_root_part(string entry, string from, string to, string expected) =>
        Assert.Equal(expected, CopyPaths.Rebase(entry, from, to));
}
