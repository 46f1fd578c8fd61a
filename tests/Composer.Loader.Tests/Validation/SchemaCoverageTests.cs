using System.Text.Json;
using Composer.Loader.Validation;
using Xunit;

namespace Composer.Loader.Tests.Validation;

/// <summary>The schema declares every element and service attribute of the Compose Specification.</summary>
public sealed class SchemaCoverageTests
{
    private static readonly string[] ServiceAttributes =
    [
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command",
        "configs", "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
        "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop",
        "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname", "entrypoint", "env_file",
        "environment", "expose", "extends", "external_links", "extra_hosts", "gpus", "group_add", "healthcheck",
        "hostname", "image", "init", "ipc", "isolation", "label_file", "labels", "links", "logging", "mac_address",
        "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "models", "network_mode", "networks",
        "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_start",
        "pre_stop", "privileged", "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale",
        "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt",
        "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes",
        "volumes_from", "working_dir",
    ];

    private static readonly string[] TopLevelElements =
        ["version", "name", "include", "services", "networks", "volumes", "secrets", "configs", "models"];

    [Fact]
    public void Schema_is_draft_07()
    {
        using var schema = ReadSchema();

        Assert.Equal("http://json-schema.org/draft-07/schema#", schema.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Service_declares_every_attribute_of_the_specification_and_nothing_else()
    {
        using var schema = ReadSchema();
        var declared = schema.RootElement.GetProperty("definitions").GetProperty("service").GetProperty("properties")
            .EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ServiceAttributes.Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void Top_level_declares_every_element_of_the_specification()
    {
        using var schema = ReadSchema();
        var declared = schema.RootElement.GetProperty("properties")
            .EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(TopLevelElements.Order(StringComparer.Ordinal), declared);
    }

    [Fact]
    public void Every_closed_mapping_with_attributes_also_admits_extensions()
    {
        // Compose lets users park x- fields in definitions; only the small reference forms (extends, include,
        // legacy external) stay strict, as they name something rather than define it.
        using var schema = ReadSchema();
        var missing = new List<string>();
        Walk(schema.RootElement, "#", missing);

        Assert.Equal(
            ["#/definitions/external/anyOf/1", "#/definitions/includeEntry/anyOf/1", "#/definitions/service/properties/extends/anyOf/1"],
            missing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_uses_no_keyword_the_validator_would_silently_ignore()
    {
        // Draft-07 keywords the validator does not enforce: the compiler refuses them, and this keeps the schema honest too.
        string[] ignored = ["const", "if", "then", "else", "contains", "propertyNames", "dependencies", "format"];
        using var schema = ReadSchema();
        var used = new List<string>();
        CollectKeywords(schema.RootElement, "#", used);

        Assert.DoesNotContain(used, found => ignored.Contains(found.Split(' ')[0]));
    }

    [Fact]
    public void Embedded_schema_loads()
    {
        Assert.NotNull(ComposeSchema.Instance.Definitions["service"]);
    }

    private static void Walk(JsonElement element, string pointer, List<string> missing)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var closed = element.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
            var hasAttributes = element.TryGetProperty("properties", out _);
            var admitsExtensions = element.TryGetProperty("patternProperties", out var patterns) && patterns.TryGetProperty("^x-", out _);
            if (closed && hasAttributes && !admitsExtensions)
            {
                missing.Add(pointer);
            }

            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, pointer + "/" + property.Name, missing);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, pointer + "/" + index++, missing);
            }
        }
    }

    private static void CollectKeywords(JsonElement element, string pointer, List<string> used)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                // Names under properties/patternProperties/definitions are data, not keywords.
                var isNameTable = pointer.EndsWith("/properties", StringComparison.Ordinal)
                    || pointer.EndsWith("/patternProperties", StringComparison.Ordinal)
                    || pointer == "#/definitions";
                if (!isNameTable)
                {
                    used.Add(property.Name + " at " + pointer);
                }

                CollectKeywords(property.Value, pointer + "/" + property.Name, used);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                CollectKeywords(item, pointer + "/" + index++, used);
            }
        }
    }

    private static JsonDocument ReadSchema()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("compose-spec.json")
            ?? throw new InvalidOperationException("compose-spec.json is not embedded");
        return JsonDocument.Parse(stream);
    }
}
