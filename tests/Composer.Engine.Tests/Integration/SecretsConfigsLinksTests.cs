using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class SecretsConfigsLinksTests(EngineFixture fixture) : IDisposable
{
    private readonly string hostFolder = Directory.CreateTempSubdirectory("composer-secrets-").FullName;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task File_secret_config_with_target_and_inline_secret_are_readable_inside_the_container()
    {
        await using var scope = new ProjectScope(fixture, "sec");
        var passwordFile = Path.Combine(hostFolder, "password.txt");
        var settingsFile = Path.Combine(hostFolder, "settings.conf");
        await File.WriteAllTextAsync(passwordFile, "s3cret", Timeout);
        await File.WriteAllTextAsync(settingsFile, "level=debug", Timeout);
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Secrets =
            [
                new FileReference { Source = "password" },
                new FileReference { Source = "token", Uid = "1000", Gid = "1000", Mode = Convert.ToInt32("400", 8) },
            ],
            Configs =
            [
                new FileReference { Source = "settings", Target = "/etc/app/settings.conf" },
                new FileReference { Source = "greeting" },
            ],
        }) with
        {
            Environment = new Dictionary<string, string> { ["APP_TOKEN"] = "t0k3n" },
            Secrets = TestServices.Map(
                ("password", new FileObject { Name = scope.Name + "_password", File = passwordFile }),
                ("token", new FileObject { Name = scope.Name + "_token", Environment = "APP_TOKEN" })),
            Configs = TestServices.Map(
                ("settings", new FileObject { Name = scope.Name + "_settings", File = settingsFile }),
                ("greeting", new FileObject { Name = scope.Name + "_greeting", Content = "hello" })),
        };

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var container = $"{scope.Name}-app-1";

        Assert.Equal((0L, "s3cret"), await ContainerExec.RunAsync(fixture, container, "cat", "/run/secrets/password"));
        Assert.Equal((0L, "level=debug"), await ContainerExec.RunAsync(fixture, container, "cat", "/etc/app/settings.conf"));
        Assert.Equal((0L, "hello"), await ContainerExec.RunAsync(fixture, container, "cat", "/greeting"));
        Assert.Equal((0L, "t0k3n"), await ContainerExec.RunAsync(fixture, container, "cat", "/run/secrets/token"));
        Assert.Equal((0L, "1000:1000 400\n"), await ContainerExec.RunAsync(fixture, container, "stat", "-c", "%u:%g %a", "/run/secrets/token"));
        var (writeExit, _) = await ContainerExec.RunAsync(fixture, container, "sh", "-c", "echo x > /run/secrets/password");
        Assert.NotEqual(0L, writeExit);

        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task A_changed_inline_config_content_recreates_the_container_that_reads_it()
    {
        await using var scope = new ProjectScope(fixture, "cfc");
        Project With(string content) => TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Configs = [new FileReference { Source = "greeting" }],
        }) with
        {
            Configs = TestServices.Map(("greeting", new FileObject { Name = scope.Name + "_greeting", Content = content })),
        };

        await scope.Up.UpAsync(With("hello"), new UpOptions(), Timeout);
        var container = $"{scope.Name}-app-1";
        var firstId = (await fixture.Docker.Containers.InspectContainerAsync(container, Timeout)).ID;
        await scope.Up.UpAsync(With("hello"), new UpOptions(), Timeout);
        Assert.Equal(firstId, (await fixture.Docker.Containers.InspectContainerAsync(container, Timeout)).ID);

        await scope.Up.UpAsync(With("bye"), new UpOptions(), Timeout);

        Assert.NotEqual(firstId, (await fixture.Docker.Containers.InspectContainerAsync(container, Timeout)).ID);
        Assert.Equal((0L, "bye"), await ContainerExec.RunAsync(fixture, container, "cat", "/greeting"));
        await scope.Down.DownAsync(With("bye"), new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Link_alias_resolves_to_the_linked_service_from_the_linking_container()
    {
        await using var scope = new ProjectScope(fixture, "lnk");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("db"), TestServices.Sleeper("app") with
        {
            Links = ["db:database"],
            DependsOn = TestServices.Map(("db", new ServiceDependency())),
        });

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var (exitCode, output) = await ContainerExec.RunAsync(fixture, $"{scope.Name}-app-1", "ping", "-c1", "-W2", "database");
        Assert.True(exitCode == 0, output);
        var inspected = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-db-1", Timeout);
        Assert.Contains(inspected.NetworkSettings.Networks.Single().Value.IPAddress, output, StringComparison.Ordinal);

        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Missing_secret_file_fails_the_up_without_creating_a_folder_in_its_place()
    {
        await using var scope = new ProjectScope(fixture, "msf");
        var missingFile = Path.Combine(hostFolder, "missing.txt");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Secrets = [new FileReference { Source = "missing" }],
        }) with
        {
            Secrets = TestServices.Map(("missing", new FileObject { Name = scope.Name + "_missing", File = missingFile })),
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Contains("missing.txt", error.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(missingFile));
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    public void Dispose() => Directory.Delete(hostFolder, recursive: true);
}
