using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;
using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class DevelopTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_action_binds_with_its_attributes_and_paths_become_absolute()
    {
        var develop = BindingHarness.Web("""
            develop:
              watch:
                - path: ./src
                  action: sync
                  target: /app/src
                  ignore: [node_modules/, "*.tmp"]
                  include: "*.js"
                  initial_sync: true
                - path: package.json
                  action: rebuild
                - path: ./conf/app.conf
                  action: sync+restart
                  target: /etc/app.conf
                - path: ./scripts
                  action: sync+exec
                  target: /scripts
                  exec:
                    command: kill -HUP 1
                    user: root
                    privileged: true
                    working_dir: /scripts
                    environment: [MODE=reload]
                - path: ./flags
                  action: restart
            """).Develop!;

        Assert.Equal(5, develop.Watch.Count);
        var sync = develop.Watch[0];
        Assert.Equal((WatchRule.Sync, "/work/project/src", "/app/src"), (sync.Action, sync.Path, sync.Target));
        Assert.Equal(["node_modules/", "*.tmp"], sync.Ignore);
        Assert.Equal(["*.js"], sync.Include);
        Assert.True(sync.InitialSync);
        Assert.Equal((WatchRule.Rebuild, "/work/project/package.json"), (develop.Watch[1].Action, develop.Watch[1].Path));
        Assert.Equal(WatchRule.SyncRestart, develop.Watch[2].Action);
        var exec = develop.Watch[3].Exec!;
        Assert.Equal(["kill", "-HUP", "1"], exec.Command);
        Assert.Equal(("root", true, "/scripts"), (exec.User, exec.Privileged, exec.WorkingDir));
        Assert.Equal("reload", exec.Environment["MODE"]);
        Assert.Equal(WatchRule.Restart, develop.Watch[4].Action);
        Assert.Null(develop.Watch[4].Target);
    }

    [Fact]
    public void Canonical_form_round_trips()
    {
        var yaml = BindingHarness.WebAttributeYaml("""
            develop:
              watch:
                - path: ./src
                  action: sync+exec
                  target: /app
                  ignore: "*.tmp"
                  exec:
                    command: ["echo", "synced"]
            """, "develop");

        Assert.Equal("""
            develop:
              watch:
                - action: sync+exec
                  exec:
                    command:
                      - echo
                      - synced
                  ignore:
                    - "*.tmp"
                  path: /work/project/src
                  target: /app

            """, yaml);
    }

    [Fact]
    public void A_service_without_develop_has_none()
    {
        Assert.Null(BindingHarness.Web("image: nginx").Develop);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("sync+restart")]
    [InlineData("sync+exec")]
    public void A_sync_without_target_is_located(string action)
    {
        var errors = BindingHarness.Diagnose(BindingHarness.Services($"""
            image: nginx
            develop:
              watch:
                - path: ./src
                  action: {action}
                  exec: {"{"} command: "true" {"}"}
            """));

        var error = Assert.Single(errors, item => item.Path == "services.web.develop.watch[0].target");
        Assert.Contains("is required by action " + action, error.Message);
        Assert.Equal(7, error.Mark.Line);
    }

    [Fact]
    public void Sync_exec_without_a_command_is_located()
    {
        var errors = BindingHarness.Diagnose(BindingHarness.Services("""
            image: nginx
            develop:
              watch:
                - path: ./src
                  action: sync+exec
                  target: /app
                - path: ./other
                  action: sync+exec
                  target: /other
                  exec:
                    user: root
            """));

        Assert.Contains(errors, item => item.Path == "services.web.develop.watch[0].exec" && item.Message.Contains("exec.command", StringComparison.Ordinal));
        var missing = Assert.Single(errors, item => item.Path == "services.web.develop.watch[1].exec.command");
        Assert.Equal(13, missing.Mark.Line);

        // The same words as a post_start hook without a command: one binder reads every kind of hook.
        Assert.Equal("a hook needs a command that is not empty", missing.Message);
        Assert.DoesNotContain(errors, item => item.Path == "services.web.develop.watch[1].exec");
    }

    [Fact]
    public void An_unknown_action_is_named()
    {
        var errors = BindingHarness.Diagnose(BindingHarness.Services("image: nginx\ndevelop:\n  watch:\n    - path: .\n      action: copy\n"));

        var error = Assert.Single(errors);
        Assert.Equal("services.web.develop.watch[0].action", error.Path);
        Assert.Contains("\"copy\" is not a watch action", error.Message);
    }

    [Fact]
    public async Task A_path_that_does_not_exist_fails_the_load_at_file_line_and_column()
    {
        _folder.Folder("src");
        var file = _folder.Write("compose.yaml", "services:\n  web:\n    build: .\n    develop:\n      watch:\n        - path: ./src\n          action: rebuild\n        - path: ./missing\n          action: sync\n          target: /app\n");

        var exception = await Assert.ThrowsAsync<LoadException>(() => ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = _folder.Path, Environment = new Dictionary<string, string>() }, CancellationToken.None));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Equal("services.web.develop.watch[1].path", error.Path);
        Assert.Contains("missing does not exist", error.Message);
        Assert.StartsWith(file + ":8:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_of_a_service_without_build_fails_the_load()
    {
        _folder.Write("compose.yaml", "services:\n  web:\n    image: nginx\n    develop:\n      watch:\n        - path: .\n          action: rebuild\n");

        var exception = await Assert.ThrowsAsync<LoadException>(() => ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = _folder.Path, Environment = new Dictionary<string, string>() }, CancellationToken.None));

        var error = Assert.Single(exception.Diagnostics);
        Assert.Equal("services.web.develop.watch[0].action", error.Path);
        Assert.Contains("rebuild needs a build section", error.Message);
    }

    [Fact]
    public async Task The_files_include_and_extends_pull_in_are_the_projects_source_files()
    {
        // watch reloads when one of them changes, as it does for the compose files.
        _folder.Write("lib/compose.yaml", "services:\n  cache:\n    extends:\n      file: base.yaml\n      service: base\n");
        _folder.Write("lib/base.yaml", "services:\n  base:\n    image: busybox\n");
        _folder.Write("common.yaml", "services:\n  common:\n    image: busybox\n");
        _folder.Write("compose.yaml", "include: [lib/compose.yaml]\nservices:\n  web:\n    extends:\n      file: common.yaml\n      service: common\n");

        var result = await ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = _folder.Path, Environment = new Dictionary<string, string>() }, CancellationToken.None);

        string At(string relative) => System.IO.Path.Combine(_folder.Path, relative);
        Assert.Equal([At("compose.yaml")], result.Project.ConfigFiles);
        Assert.Equal(new[] { At("common.yaml"), At("lib/.env"), At("lib/base.yaml"), At("lib/compose.yaml") }.Order(StringComparer.Ordinal), result.Project.SourceFiles);
    }
}
