using Composer.Loader.Tests.Binding;
using Composer.Loader.Writing;
using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Writing;

public sealed class JsonOutputTests
{
    [Fact]
    public void Ports_durations_and_sizes_print_with_their_canonical_types()
    {
        var json = ProjectWriter.ToJson(BindingHarness.Load("""
            services:
              web:
                network_mode: host
                ports: ["8080:80"]
                stop_grace_period: 90s
                shm_size: 1k
                command: []
            """));

        Assert.Equal("""
            {
              "name": "demo",
              "services": {
                "web": {
                  "command": [],
                  "network_mode": "host",
                  "ports": [
                    {
                      "mode": "ingress",
                      "protocol": "tcp",
                      "published": "8080",
                      "target": 80
                    }
                  ],
                  "shm_size": 1024,
                  "stop_grace_period": "1m30s"
                }
              }
            }

            """, json);
    }

    [Fact]
    public void Non_finite_numbers_become_strings_because_json_has_none()
    {
        var project = new Project
        {
            Name = "demo",
            WorkingDirectory = "/w",
            Extensions = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["x-inf"] = double.PositiveInfinity }),
        };

        Assert.Contains("\"x-inf\": \".inf\"", ProjectWriter.ToJson(project), StringComparison.Ordinal);
    }

    [Fact]
    public void Hand_built_extension_values_of_any_collection_type_print()
    {
        var project = new Project
        {
            Name = "demo",
            WorkingDirectory = "/w",
            Extensions = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["x-map"] = new Dictionary<string, string> { ["a"] = "b" },
                ["x-numbers"] = new List<long> { 1, 2 },
            }),
        };

        Assert.Equal("""
            name: demo
            x-map:
              a: b
            x-numbers:
              - 1
              - 2

            """, ProjectWriter.ToYaml(project));
    }
}
