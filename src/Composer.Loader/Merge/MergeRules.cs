namespace Composer.Loader.Merge;

/// <summary>
/// Which <see cref="MergeStrategy"/> applies where. Paths are patterns in which the name of a service, network,
/// volume, secret or config is replaced by <c>*</c> (<c>services.*.ports</c>).
/// </summary>
internal static class MergeRules
{
    private static readonly HashSet<string> NamedCollections = new(StringComparer.Ordinal)
    {
        "services", "networks", "volumes", "secrets", "configs",
    };

    private static readonly Dictionary<string, MergeStrategy> StrategyByPattern = new(StringComparer.Ordinal)
    {
        ["services.*.command"] = MergeStrategy.Replace,
        ["services.*.entrypoint"] = MergeStrategy.Replace,
        ["services.*.healthcheck.test"] = MergeStrategy.Replace,

        ["services.*.environment"] = MergeStrategy.KeyValueMapping,
        ["services.*.labels"] = MergeStrategy.KeyValueMapping,
        ["services.*.annotations"] = MergeStrategy.KeyValueMapping,
        ["services.*.sysctls"] = MergeStrategy.KeyValueMapping,
        ["services.*.extra_hosts"] = MergeStrategy.KeyValueMapping,
        ["services.*.build.args"] = MergeStrategy.KeyValueMapping,
        ["services.*.build.labels"] = MergeStrategy.KeyValueMapping,
        ["services.*.build.extra_hosts"] = MergeStrategy.KeyValueMapping,
        ["services.*.build.additional_contexts"] = MergeStrategy.KeyValueMapping,
        ["services.*.deploy.labels"] = MergeStrategy.KeyValueMapping,
        ["networks.*.labels"] = MergeStrategy.KeyValueMapping,
        ["volumes.*.labels"] = MergeStrategy.KeyValueMapping,
        ["secrets.*.labels"] = MergeStrategy.KeyValueMapping,
        ["configs.*.labels"] = MergeStrategy.KeyValueMapping,

        ["services.*.depends_on"] = MergeStrategy.NameMapping,
        ["services.*.networks"] = MergeStrategy.NameMapping,

        ["services.*.ports"] = MergeStrategy.KeyedSequence,
        ["services.*.volumes"] = MergeStrategy.KeyedSequence,
        ["services.*.secrets"] = MergeStrategy.KeyedSequence,
        ["services.*.configs"] = MergeStrategy.KeyedSequence,

        ["services.*.dns"] = MergeStrategy.AppendUnique,
        ["services.*.dns_search"] = MergeStrategy.AppendUnique,
        ["services.*.dns_opt"] = MergeStrategy.AppendUnique,
        ["services.*.expose"] = MergeStrategy.AppendUnique,
        ["services.*.cap_add"] = MergeStrategy.AppendUnique,
        ["services.*.cap_drop"] = MergeStrategy.AppendUnique,
        ["services.*.security_opt"] = MergeStrategy.AppendUnique,
        ["services.*.group_add"] = MergeStrategy.AppendUnique,
        ["services.*.profiles"] = MergeStrategy.AppendUnique,
        ["services.*.links"] = MergeStrategy.AppendUnique,
        ["services.*.external_links"] = MergeStrategy.AppendUnique,
        ["services.*.volumes_from"] = MergeStrategy.AppendUnique,
        ["services.*.tmpfs"] = MergeStrategy.AppendUnique,
        ["services.*.devices"] = MergeStrategy.AppendUnique,
        ["services.*.device_cgroup_rules"] = MergeStrategy.AppendUnique,
        ["services.*.env_file"] = MergeStrategy.AppendUnique,
        ["services.*.label_file"] = MergeStrategy.AppendUnique,
        ["services.*.build.cache_from"] = MergeStrategy.AppendUnique,
        ["services.*.build.cache_to"] = MergeStrategy.AppendUnique,
        ["services.*.build.tags"] = MergeStrategy.AppendUnique,
        ["services.*.build.platforms"] = MergeStrategy.AppendUnique,
    };

    public static MergeStrategy StrategyFor(string pattern) =>
        StrategyByPattern.TryGetValue(pattern, out var strategy) ? strategy : MergeStrategy.Default;

    /// <summary>The pattern of <paramref name="key"/> under <paramref name="parentPattern"/>.</summary>
    public static string ChildPattern(string parentPattern, string key)
    {
        if (parentPattern.Length == 0)
        {
            return key;
        }

        return NamedCollections.Contains(parentPattern) ? parentPattern + ".*" : parentPattern + "." + key;
    }
}
