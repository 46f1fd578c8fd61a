using Composer.Model;
using Composer.Planning.Hashing;

namespace Composer.Planning.Tests;

public sealed class ConfigHashTests
{
    private static readonly Service Base = Projects.Service("web", "db");

    [Fact]
    public void Hash_is_lowercase_sha256_hex_and_stable()
    {
        var hash = ConfigHash.Compute(Base);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, ConfigHash.Compute(Base with { }));
    }

    [Fact]
    public void Scale_replicas_depends_on_profiles_and_build_do_not_change_the_hash()
    {
        var changed = Base with
        {
            Scale = 3,
            Deploy = new Deploy { Replicas = 3 },
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal),
            Profiles = ["debug"],
            Build = new BuildConfig { Context = "/src" },
        };

        Assert.Equal(ConfigHash.Compute(Base), ConfigHash.Compute(changed));
    }

    [Fact]
    public void Environment_order_does_not_matter_but_values_do()
    {
        var first = Base with { Environment = new Dictionary<string, string?> { ["A"] = "1", ["B"] = "2" } };
        var reordered = Base with { Environment = new Dictionary<string, string?> { ["B"] = "2", ["A"] = "1" } };
        var changed = Base with { Environment = new Dictionary<string, string?> { ["A"] = "1", ["B"] = "3" } };

        Assert.Equal(ConfigHash.Compute(first), ConfigHash.Compute(reordered));
        Assert.NotEqual(ConfigHash.Compute(first), ConfigHash.Compute(changed));
    }

    [Fact]
    public void Image_and_command_change_the_hash()
    {
        Assert.NotEqual(ConfigHash.Compute(Base), ConfigHash.Compute(Base with { Image = "busybox:1" }));
        Assert.NotEqual(ConfigHash.Compute(Base), ConfigHash.Compute(Base with { Command = ["sleep", "1"] }));
    }

    /// <summary>Issue 14: an extension nested deeper than 64 levels (the loader allows 256) made the hash throw.</summary>
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

        Assert.NotEqual(ConfigHash.Compute(Base), ConfigHash.Compute(deep));
    }
}
