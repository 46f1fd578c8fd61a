using Composer.Engine.Contracts;
using Composer.Engine.DockerApi;
using Composer.Engine.Tests.Support;
using Composer.Model;

namespace Composer.Engine.Tests.Unit;

public sealed class FileObjectAndLinkTranslationTests
{
    private static ContainerSpec Translate(Project project, string service) =>
        ContainerSpecTranslator.Translate(new ContainerRequest
        {
            Project = project,
            Service = project.Services[service],
            Name = $"{project.Name}-{service}-1",
            Number = 1,
            ConfigHash = "abc",
        }, new EngineApiVersion(1, 41));

    private static Project WithFileObjects(Service service) => TestServices.Project("p", service) with
    {
        Environment = new Dictionary<string, string> { ["TOKEN"] = "t0k3n" },
        Secrets = TestServices.Map(
            ("password", new FileObject { Name = "p_password", File = "/srv/password.txt" }),
            ("token", new FileObject { Name = "p_token", Environment = "TOKEN" })),
        Configs = TestServices.Map(
            ("nginx", new FileObject { Name = "p_nginx", File = "/srv/nginx.conf" }),
            ("inline", new FileObject { Name = "p_inline", Content = "a=1\n" })),
    };

    [Fact]
    public void File_secrets_and_configs_are_read_only_bind_mounts_at_their_default_or_given_targets()
    {
        var project = WithFileObjects(TestServices.Sleeper("app") with
        {
            Secrets = [new FileReference { Source = "password" }, new FileReference { Source = "password", Target = "db/pw", Mode = Convert.ToInt32("400", 8) }],
            Configs = [new FileReference { Source = "nginx" }, new FileReference { Source = "nginx", Target = "/etc/nginx/nginx.conf" }],
        });

        var mounts = Translate(project, "app").Parameters.HostConfig.Mounts;

        Assert.Equal(
            [
                ("bind", "/srv/password.txt", "/run/secrets/password", true),
                ("bind", "/srv/password.txt", "/run/secrets/db/pw", true),
                ("bind", "/srv/nginx.conf", "/nginx", true),
                ("bind", "/srv/nginx.conf", "/etc/nginx/nginx.conf", true),
            ],
            mounts!.Select(mount => (mount.Type, mount.Source, mount.Target, mount.ReadOnly)));
    }

    [Fact]
    public void Environment_secrets_and_content_configs_become_files_with_owner_and_default_mode_0444()
    {
        var project = WithFileObjects(TestServices.Sleeper("app") with
        {
            Secrets = [new FileReference { Source = "token", Uid = "1000", Gid = "2000", Mode = Convert.ToInt32("400", 8) }],
            Configs = [new FileReference { Source = "inline", Target = "/etc/inline.conf" }],
        });

        var spec = Translate(project, "app");

        Assert.Empty(spec.Parameters.HostConfig.Mounts!);
        Assert.Collection(spec.Files,
            token =>
            {
                Assert.Equal(("/run/secrets/token", "t0k3n", 1000, 2000, Convert.ToInt32("400", 8)),
                    (token.Target, System.Text.Encoding.UTF8.GetString(token.Content), token.Uid, token.Gid, token.Mode));
            },
            inline =>
            {
                Assert.Equal(("/etc/inline.conf", "a=1\n", 0, 0, Convert.ToInt32("444", 8)),
                    (inline.Target, System.Text.Encoding.UTF8.GetString(inline.Content), inline.Uid, inline.Gid, inline.Mode));
            });
    }

    [Fact]
    public void Archive_holds_one_entry_named_by_the_relative_target_with_owner_and_mode()
    {
        var file = new ContainerFile("/run/secrets/token", "t0k3n"u8.ToArray(), 1000, 2000, Convert.ToInt32("440", 8));

        using var archive = ContainerFileArchive.Build(file, DateTimeOffset.UnixEpoch);
        using var reader = new System.Formats.Tar.TarReader(archive);
        var entry = reader.GetNextEntry();

        Assert.NotNull(entry);
        Assert.Equal(("run/secrets/token", 1000, 2000, (UnixFileMode)Convert.ToInt32("440", 8)), (entry.Name, entry.Uid, entry.Gid, entry.Mode));
        using var content = new StreamReader(entry.DataStream!);
        Assert.Equal("t0k3n", content.ReadToEnd());
        Assert.Null(reader.GetNextEntry());
    }

    [Fact]
    public void Links_go_on_every_network_endpoint_as_first_container_and_alias()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("db"), TestServices.Sleeper("cache") with { ContainerName = "my-cache" },
            TestServices.Sleeper("app") with
            {
                Links = ["db", "db:database", "cache"],
                ExternalLinks = ["legacy", "other:old"],
                Networks = TestServices.Map<ServiceNetwork?>(("default", null), ("back", null)),
            }) with
        {
            Networks = TestServices.Map(("default", new Network { Name = "p_default" }), ("back", new Network { Name = "p_back" })),
        };

        var spec = Translate(project, "app");

        string[] expected = ["p-db-1:db", "p-db-1:database", "my-cache:cache", "legacy:legacy", "other:old"];
        Assert.Equal(expected, spec.Parameters.NetworkingConfig.EndpointsConfig.Values.Single().Links);
        Assert.Equal(expected, spec.ExtraNetworks.Single().Value.Links);
        Assert.Empty(spec.Parameters.HostConfig.Links);
    }

    [Fact]
    public void With_network_mode_links_are_legacy_host_links()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("db"), TestServices.Sleeper("app") with
        {
            NetworkMode = "bridge",
            Links = ["db:database"],
        });

        Assert.Equal(["p-db-1:database"], Translate(project, "app").Parameters.HostConfig.Links);
    }
}
