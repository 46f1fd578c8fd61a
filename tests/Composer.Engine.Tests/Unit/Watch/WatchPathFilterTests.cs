using Composer.Model;
using Composer.Orchestration.Watch;

namespace Composer.Engine.Tests.Unit.Watch;

public sealed class WatchPathFilterTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("composer-watch-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private WatchPathFilter Filter(WatchRule rule, string? dockerignore = null)
    {
        if (dockerignore is not null)
        {
            File.WriteAllText(Path.Combine(root, ".dockerignore"), dockerignore);
        }

        return new WatchPathFilter(rule, new BuildConfig { Context = root });
    }

    private WatchRule Sync(string path = "src", string target = "/app") => new() { Path = Path.Combine(root, path), Action = WatchRule.Sync, Target = target };

    [Fact]
    public void Paths_under_the_rule_map_below_its_target_and_others_are_not_covered()
    {
        var filter = Filter(Sync());

        Assert.True(filter.Accepts($"{root}/src/a/b.js"));
        Assert.Equal("/app/a/b.js", filter.ContainerPath($"{root}/src/a/b.js"));
        Assert.Equal("/app", filter.ContainerPath($"{root}/src"));
        Assert.False(filter.Accepts($"{root}/srcs/b.js"));
        Assert.False(filter.Accepts($"{root}/other.js"));
    }

    [Theory]
    [InlineData("index.html~")]
    [InlineData(".index.html.swp")]
    [InlineData(".index.html.swx")]
    [InlineData("4913")]
    [InlineData(".#index.html")]
    [InlineData("#index.html#")]
    [InlineData("index.html___jb_tmp___")]
    [InlineData(".git/index")]
    [InlineData("sub/.git/HEAD")]
    public void Editors_temporary_files_and_git_are_left_out(string relative)
    {
        Assert.False(Filter(Sync()).Accepts($"{root}/src/{relative}"));
    }

    [Fact]
    public void The_rules_ignore_is_relative_to_its_path_and_covers_folders()
    {
        var filter = Filter(Sync() with { Ignore = ["node_modules/", "*.tmp"] });

        Assert.False(filter.Accepts($"{root}/src/node_modules/lib/index.js"));
        Assert.False(filter.Accepts($"{root}/src/draft.tmp"));
        Assert.True(filter.Accepts($"{root}/src/sub/draft.tmp.js"));
    }

    [Fact]
    public void Include_lets_only_matching_paths_through()
    {
        var filter = Filter(Sync() with { Include = ["*.html", "assets"] });

        Assert.True(filter.Accepts($"{root}/src/index.html"));
        Assert.True(filter.Accepts($"{root}/src/assets/logo.svg"));
        Assert.False(filter.Accepts($"{root}/src/app.js"));
    }

    [Fact]
    public void The_services_dockerignore_applies_relative_to_the_build_context()
    {
        var filter = Filter(Sync(), "src/secrets\n**/*.log\n");

        Assert.False(filter.Accepts($"{root}/src/secrets/key.pem"));
        Assert.False(filter.Accepts($"{root}/src/deep/debug.log"));
        Assert.True(filter.Accepts($"{root}/src/app.js"));
    }

    [Fact]
    public void A_batch_is_grouped_by_service_and_action_and_an_exec_hook_runs_once()
    {
        var hook = new ServiceHook { Command = ["true"] };
        var web = new WatchedService("web", [
            Filter(Sync()),
            Filter(new WatchRule { Path = Path.Combine(root, "conf"), Action = WatchRule.SyncExec, Target = "/etc/app", Exec = hook }),
        ]);
        var api = new WatchedService("api", [Filter(new WatchRule { Path = Path.Combine(root, "requirements.txt"), Action = WatchRule.Rebuild })]);

        var changes = ServiceChanges.Of([$"{root}/src/a.js", $"{root}/conf/x.conf", $"{root}/conf/y.conf", $"{root}/requirements.txt", $"{root}/README.md"], [web, api]);

        var forWeb = Assert.Single(changes, change => change.Service == "web");
        Assert.Equal(["/app/a.js", "/etc/app/x.conf", "/etc/app/y.conf"], forWeb.Sync.Select(mapping => mapping.ContainerPath));
        Assert.Equal([hook], forWeb.Execs);
        Assert.False(forWeb.Rebuild || forWeb.Restart);
        var forApi = Assert.Single(changes, change => change.Service == "api");
        Assert.True(forApi.Rebuild);
        Assert.Empty(forApi.Sync);
    }
}
