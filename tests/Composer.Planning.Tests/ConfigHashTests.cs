using Composer.Model;
using Composer.Planning.Hashing;

namespace Composer.Planning.Tests;

public sealed class ConfigHashTests
{
    private static readonly Service Base = Projects.Service("web", "db");

    private static string Hash(Service service) => ConfigHash.Compute(Projects.Project("p", service), service);

    private static string Hash(Project project, string service) => ConfigHash.Compute(project, project.Services[service]);

    private static SortedDictionary<string, T> Map<T>(params (string Key, T Value)[] entries) =>
        new(entries.ToDictionary(entry => entry.Key, entry => entry.Value), StringComparer.Ordinal);

    [Fact]
    public void Hash_is_lowercase_sha256_hex_and_stable()
    {
        var hash = Hash(Base);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, Hash(Base with { }));
    }

    [Fact]
    public void Scale_replicas_depends_on_profiles_build_pull_policy_and_extensions_do_not_change_the_hash()
    {
        var changed = Base with
        {
            Scale = 3,
            Deploy = new Deploy { Replicas = 3 },
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal),
            Profiles = ["debug"],
            Build = new BuildConfig { Context = "/src" },
            PullPolicy = "always",
            Extensions = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["x-team"] = "web" }),
            Ports = [new ServicePort { Target = 80, Extensions = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["x-note"] = "a" }) }],
        };

        Assert.Equal(Hash(Base with { Ports = [new ServicePort { Target = 80 }] }), Hash(changed));
    }

    [Fact]
    public void Attach_does_not_change_the_hash_it_only_chooses_whose_output_is_shown()
    {
        var hash = Hash(Base);

        Assert.Equal(hash, Hash(Base with { Attach = false }));
        Assert.Equal(hash, Hash(Base with { Attach = true }));
        Assert.NotEqual(hash, Hash(Base with { Tty = true }));
    }

    [Fact]
    public void User_keys_that_start_with_x_dash_still_count()
    {
        var labelled = Base with { Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["x-trace"] = "1" } };

        Assert.NotEqual(Hash(Base), Hash(labelled));
    }

    [Fact]
    public void Environment_order_does_not_matter_but_values_do()
    {
        var first = Base with { Environment = new Dictionary<string, string?> { ["A"] = "1", ["B"] = "2" } };
        var reordered = Base with { Environment = new Dictionary<string, string?> { ["B"] = "2", ["A"] = "1" } };
        var changed = Base with { Environment = new Dictionary<string, string?> { ["A"] = "1", ["B"] = "3" } };

        Assert.Equal(Hash(first), Hash(reordered));
        Assert.NotEqual(Hash(first), Hash(changed));
    }

    [Fact]
    public void Image_and_command_change_the_hash()
    {
        Assert.NotEqual(Hash(Base), Hash(Base with { Image = "busybox:1" }));
        Assert.NotEqual(Hash(Base), Hash(Base with { Command = ["sleep", "1"] }));
    }

    [Fact]
    public void The_content_behind_inline_environment_and_file_configs_and_secrets_counts()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "one");
            Project With(string content, string variable) => Projects.Project("p", Base with
            {
                Configs = [new FileReference { Source = "greeting" }, new FileReference { Source = "settings" }],
                Secrets = [new FileReference { Source = "token" }],
            }) with
            {
                Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["TOKEN"] = variable },
                Configs = Map(
                    ("greeting", new FileObject { Name = "p_greeting", Content = content }),
                    ("settings", new FileObject { Name = "p_settings", File = file })),
                Secrets = Map(("token", new FileObject { Name = "p_token", Environment = "TOKEN" })),
            };

            var before = Hash(With("hello", "t1"), "web");
            Assert.NotEqual(before, Hash(With("hello!", "t1"), "web"));
            Assert.NotEqual(before, Hash(With("hello", "t2"), "web"));
            File.WriteAllText(file, "two");
            Assert.NotEqual(before, Hash(With("hello", "t1"), "web"));
            Assert.DoesNotContain("t1", ConfigHash.CanonicalText(With("hello", "t1"), Base), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_hashed_text_is_the_canonical_form_config_prints_in_compact_json()
    {
        var service = new Service
        {
            Name = "web",
            Image = "nginx:1.27",
            Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["API_URL"] = "http://api", ["EMPTY"] = null },
            Ports = [new ServicePort { Target = 80, Published = "8080", HostIp = "127.0.0.1", Protocol = "tcp" }],
            StopGracePeriod = TimeSpan.FromSeconds(90),
            NetworkMode = "service:vpn",
            PullPolicy = "always",
        };

        Assert.Equal(
            """{"environment":{"API_URL":"http://api","EMPTY":null},"image":"nginx:1.27","network_mode":"service:vpn","ports":[{"host_ip":"127.0.0.1","mode":"ingress","protocol":"tcp","published":"8080","target":80}],"stop_grace_period":"1m30s"}""",
            ConfigHash.CanonicalText(Projects.Project("p", service), service));
    }

    /// <summary>
    /// Golden hashes: the same input must give the same hash in every future version, or every user's containers are
    /// recreated on upgrade. Change these only on purpose, and say so in the README.
    /// </summary>
    [Fact]
    public void Golden_hashes_do_not_move()
    {
        var web = new Service
        {
            Name = "web",
            Image = "nginx:1.27",
            Command = ["nginx", "-g", "daemon off;"],
            Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["API_URL"] = "http://api:8080" },
            Ports = [new ServicePort { Target = 80, Published = "8080", HostIp = "127.0.0.1", Protocol = "tcp" }],
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }],
            Networks = new SortedDictionary<string, ServiceNetwork?>(StringComparer.Ordinal) { ["back"] = null },
            Healthcheck = new Healthcheck { Test = ["CMD", "true"], Interval = TimeSpan.FromSeconds(5) },
            Configs = [new FileReference { Source = "greeting", Target = "/etc/greeting" }],
        };
        var project = Projects.Project("shop", web) with
        {
            Configs = Map(("greeting", new FileObject { Name = "shop_greeting", Content = "hello" })),
        };

        Assert.Equal("ebd28cb28b7167f5fcfef4a1a3ceb0cb790a07ec27028f2bd8177c90b521bcfb", ConfigHash.Compute(project, web));
        Assert.Equal("5720c8d968ae2ba35890f637b7b89c7b252f989323789665bf825079294ec3db", Hash(new Service { Name = "app", Image = "busybox:latest" }));
        Assert.Equal("0b0515aa300e78cbd6ed072998082d94f5d57ba7b15838f871582ba1516ae0f0", NetworkConfigHash.Compute(new Network { Name = "shop_back", Driver = "bridge", Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "back" } }));
    }

    /// <summary>
    /// A volume's hash is docker compose's own (Go's json.Marshal of compose-go's VolumeConfig), so that a volume
    /// either tool made is never taken for a changed one and recreated with its data.
    /// </summary>
    [Fact]
    public void Volume_hashes_are_docker_composes()
    {
        var tmpfs = new Volume { Name = "shop_data", DriverOpts = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["type"] = "tmpfs", ["device"] = "tmpfs" } };
        var awkward = new Volume
        {
            Name = "a<b&", Driver = "local",
            Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["k"] = "\n\u2028\u00e9" },
            Extensions = new Extensions(new Dictionary<string, object?>(StringComparer.Ordinal) { ["x-note"] = "left out" }),
        };

        Assert.Equal("""{"name":"shop_data","driver":"local","driver_opts":{"device":"tmpfs","type":"tmpfs"}}""", VolumeConfigHash.GoJson(tmpfs));
        Assert.Equal("aa6cd0258b179855be120db697aec08fe81b6ed42179d947605f1f24042b25cb", VolumeConfigHash.Compute(tmpfs));
        Assert.Equal(VolumeConfigHash.Compute(tmpfs), VolumeConfigHash.Compute(tmpfs with { Driver = "local" }));
        Assert.Equal("d4f4cc9bcc8adb1014b3bfd8dcba21282b490b4abd5d696ca0bd3602aac03efd", VolumeConfigHash.Compute(new Volume { Name = "app_data" }));
        Assert.Equal("{\"name\":\"a\\u003cb\\u0026\",\"driver\":\"local\",\"labels\":{\"k\":\"\\n\\u2028\u00e9\"}}", VolumeConfigHash.GoJson(awkward));
        Assert.Equal("ce4fa0094ceb6ba77f80c815371eaabbbf88a022b9983a893a829d1d8c790f6d", VolumeConfigHash.Compute(awkward));
    }

    /// <summary>Issue 14: extensions nest as deep as the loader allows (256 levels); System.Text.Json's default depth of 64 once made the hash throw.</summary>
    [Fact]
    public void Extensions_nested_as_deep_as_the_loader_allows_hash()
    {
        object? value = "leaf";
        for (var level = 0; level < 256; level++)
        {
            value = level % 2 == 0
                ? new List<object?> { value }
                : new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["a"] = value };
        }

        var deep = Base with { Extensions = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["x-deep"] = value }) };

        Assert.Matches("^[0-9a-f]{64}$", Hash(deep));
    }
}
