using Composer.Loader.Tests.Binding;
using Composer.Loader.Writing;
using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Writing;

public sealed class YamlQuotingTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("8080")]
    [InlineData("1.5")]
    [InlineData("22:22")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    public void Strings_that_would_read_as_another_type_are_double_quoted(string value)
    {
        var yaml = WriteLabel(value);

        Assert.Contains($"      a: \"{value}\"\n", yaml, StringComparison.Ordinal);
        Assert.Equal(value, BindingHarness.Load(yaml).Services["web"].Labels["a"]);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("1000:1000")]
    [InlineData("size=100m")]
    [InlineData("9090-9091")]
    public void Plain_strings_stay_plain(string value)
    {
        Assert.Contains($"      a: {value}\n", WriteLabel(value), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("- item")]
    [InlineData("#comment")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("{braces}")]
    [InlineData("multi\nline\n")]
    [InlineData("no final newline\nhere")]
    [InlineData("tab\tinside")]
    [InlineData("*star")]
    public void Awkward_strings_survive_a_round_trip(string value)
    {
        var yaml = WriteLabel(value);

        Assert.Equal(value, BindingHarness.Load(yaml).Services["web"].Labels["a"]);
    }

    [Fact]
    public void Top_level_keys_keep_the_canonical_order_and_extensions_come_last()
    {
        var project = BindingHarness.Load("""
            x-b: 1
            configs:
              c: {file: ./c}
            x-a: 2
            secrets:
              s: {file: ./s}
            volumes:
              v:
            services:
              web: {image: nginx}
            """);

        var topLevelKeys = ProjectWriter.ToYaml(project).Split('\n')
            .Where(line => line.Length > 0 && line[0] != ' ')
            .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal(["name", "services", "networks", "volumes", "secrets", "configs", "x-a", "x-b"], topLevelKeys);
    }

    private static string WriteLabel(string value)
    {
        var project = new Project
        {
            Name = "demo",
            WorkingDirectory = "/work/project",
            Services = new SortedDictionary<string, Service>(StringComparer.Ordinal)
            {
                ["web"] = new()
                {
                    Name = "web",
                    NetworkMode = "none",
                    Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["a"] = value },
                },
            },
        };
        return ProjectWriter.ToYaml(project);
    }
}
