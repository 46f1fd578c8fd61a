using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Engine.Build;

/// <summary>
/// The build keys beyond the classic builder's (cache_from/cache_to, platforms, no_cache_filter,
/// additional_contexts, ulimits, entitlements, privileged, provenance, sbom, secrets, ssh): what each becomes for
/// this engine's BuildKit, what it refuses (with the reason) and what it skips with a warning.
/// </summary>
public static class BuildFeatures
{
    private const string ImageScheme = "docker-image://";
    private const string ServicePrefix = "service:";

    /// <summary>Why the service's build cannot run on this builder; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(Project project, Service service, BuilderInfo builder)
    {
        var build = service.Build!;
        var problems = new List<string>();
        if (!builder.BuildKit)
        {
            var used = BuildKitOnlyKeys(build).ToList();
            if (used.Count > 0)
            {
                problems.Add($"{string.Join(", ", used)} need BuildKit, and the classic builder is used ({builder.ClassicReason})");
            }

            return problems;
        }

        if (build.Platforms.Count > 1)
        {
            problems.Add($"platforms lists {string.Join(", ", build.Platforms)}: this engine's builder builds one platform at a time, its own is {builder.Platform}");
        }

        foreach (var (id, source) in Secrets(build))
        {
            if (!project.Secrets.TryGetValue(source, out var secret))
            {
                problems.Add($"secrets ({source}) is not declared under the top-level secrets");
            }
            else if (secret.File is null && secret.Environment is null && secret.Content is null)
            {
                problems.Add($"secrets ({source}) has no file, environment or content a build can read (external secrets live in the swarm)");
            }
        }

        problems.AddRange(BuildSsh.Problems(build, project.WorkingDirectory, Environment.GetEnvironmentVariable, BuildSsh.OnPath));

        foreach (var (name, source) in AdditionalContexts(build))
        {
            if (!IsStageName(name))
            {
                problems.Add($"additional_contexts ({name}): the name must be a valid stage name (lower-case letters, digits, '-', '_', '.')");
            }
            else if (source.StartsWith(ServicePrefix, StringComparison.Ordinal))
            {
                var other = source[ServicePrefix.Length..];
                if (!project.Services.TryGetValue(other, out var referenced))
                {
                    problems.Add($"additional_contexts ({name}) names service \"{other}\", which the project does not have");
                }
                else if (referenced.Build is null && referenced.Image is null)
                {
                    problems.Add($"additional_contexts ({name}) names service \"{other}\", which has no image");
                }
            }
            else if (!source.StartsWith(ImageScheme, StringComparison.Ordinal))
            {
                if (source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal))
                {
                    problems.Add($"additional_contexts ({name}): {source} is remote; only docker-image://, service: and local folders are supported");
                }
                else if (!Directory.Exists(Path.GetFullPath(source, project.WorkingDirectory)))
                {
                    problems.Add($"additional_contexts ({name}): {Path.GetFullPath(source, project.WorkingDirectory)} is not a directory");
                }
            }
        }

        return problems;
    }

    /// <summary>What no builder here can do, whichever the engine offers: checked before the engine is asked.</summary>
    public static IEnumerable<string> StaticProblems(BuildConfig build)
    {
        if (build.Privileged == true)
        {
            yield return "privileged needs the security.insecure entitlement, which the engine's build endpoint cannot grant";
        }

        foreach (var entitlement in StringList(build.Other, "entitlements").Where(entitlement => entitlement != "network.host"))
        {
            yield return $"entitlements ({entitlement}) cannot be granted through the engine's build endpoint (only network.host, with network: host)";
        }

        foreach (var key in new[] { "provenance", "sbom" })
        {
            if (build.Other.Values.TryGetValue(key, out var value) && !IsOff(value))
            {
                yield return $"{key} needs attestations, which this engine's BuildKit (engine API 1.41) cannot produce";
            }
        }

    }

    /// <summary>The cache_from and cache_to entries this engine skips, one warning for the service; null when none.</summary>
    public static string? SkippedCacheWarning(Service service)
    {
        var build = service.Build!;
        var skipped = build.CacheFrom.Where(entry => CacheReference(entry) is null).Select(entry => "cache_from " + entry)
            .Concat(build.CacheTo.Where(entry => !IsInlineCache(entry)).Select(entry => "cache_to " + entry))
            .ToList();
        return skipped.Count == 0
            ? null
            : $"service \"{service.Name}\": skipping {string.Join("; ", skipped)}: this engine's builder reads cache from images and exports inline cache only";
    }

    /// <summary>The ssh entries as <c>id</c> or <c>id=path</c> (what <c>build --print</c> shows, as bake does).</summary>
    public static IReadOnlyList<string> SshEntries(BuildConfig build) =>
        [.. BuildSsh.Entries(build).Select(entry => entry.Path.Length == 0 ? entry.Id : $"{entry.Id}={entry.Path}")];

    /// <summary>The services whose images this build uses through <c>additional_contexts: service:x</c>.</summary>
    public static IEnumerable<string> ServiceContexts(Service service) =>
        service.Build is null
            ? []
            : AdditionalContexts(service.Build).Select(context => context.Source)
                .Where(source => source.StartsWith(ServicePrefix, StringComparison.Ordinal))
                .Select(source => source[ServicePrefix.Length..]);

    /// <summary>Adds what BuildKit takes to a request built from the classic keys.</summary>
    public static BuildRequest Apply(BuildRequest request, Project project, Service service)
    {
        var build = service.Build!;
        var contexts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in AdditionalContexts(build))
        {
            contexts[name] = source.StartsWith(ServicePrefix, StringComparison.Ordinal)
                ? ImageScheme + ImageNames.For(project, project.Services[source[ServicePrefix.Length..]])
                : source.StartsWith(ImageScheme, StringComparison.Ordinal)
                    ? source
                    : Path.GetFullPath(source, project.WorkingDirectory);
        }

        var secrets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, source) in Secrets(build))
        {
            secrets[id] = SecretContent(project.Secrets[source], service.Name, source);
        }

        return request with
        {
            Secrets = secrets,
            Ssh = BuildSsh.Resolve(build, project.WorkingDirectory, Environment.GetEnvironmentVariable),
            CacheFrom = [.. build.CacheFrom.Select(CacheReference).OfType<string>().Distinct(StringComparer.Ordinal)],
            InlineCache = build.CacheTo.Any(IsInlineCache),
            Platform = build.Platforms.Count == 1 ? build.Platforms[0] : null,
            NoCacheStages = StringList(build.Other, "no_cache_filter"),
            AdditionalContexts = contexts,
            Ulimits = Ulimits(build.Other),
        };
    }

    private static IEnumerable<string> BuildKitOnlyKeys(BuildConfig build)
    {
        if (build.CacheFrom.Count > 0 || build.CacheTo.Count > 0)
        {
            yield return "cache_from/cache_to";
        }

        if (build.Platforms.Count > 0)
        {
            yield return "platforms";
        }

        if (build.Privileged == true)
        {
            yield return "privileged";
        }

        foreach (var key in build.Other.Values.Keys)
        {
            yield return key;
        }
    }

    // "image:tag", "type=registry,ref=image:tag"; null for the kinds the engine cannot read (local, gha, s3, ...).
    private static string? CacheReference(string entry)
    {
        if (!entry.Contains('=', StringComparison.Ordinal))
        {
            return entry;
        }

        var attributes = Attributes(entry);
        return attributes.GetValueOrDefault("type") == "registry" && attributes.TryGetValue("ref", out var reference) ? reference : null;
    }

    private static bool IsInlineCache(string entry) => Attributes(entry).GetValueOrDefault("type") == "inline";

    private static Dictionary<string, string> Attributes(string entry) =>
        entry.Split(',').Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0].Trim(), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last()[1].Trim(), StringComparer.Ordinal);

    // "name" or { source: name, target: id }: the id is what RUN --mount=type=secret,id=... asks for.
    private static IEnumerable<(string Id, string Source)> Secrets(BuildConfig build)
    {
        if (!build.Other.Values.TryGetValue("secrets", out var value) || value is not IReadOnlyList<object?> list)
        {
            yield break;
        }

        foreach (var item in list)
        {
            if (item is IReadOnlyDictionary<string, object?> map)
            {
                var source = Scalar(map.GetValueOrDefault("source"));
                var target = map.GetValueOrDefault("target") is { } targetValue ? Scalar(targetValue) : source;
                yield return (target, source);
            }
            else
            {
                yield return (Scalar(item), Scalar(item));
            }
        }
    }

    private static byte[] SecretContent(FileObject secret, string service, string source)
    {
        try
        {
            return secret.File is { } file ? File.ReadAllBytes(file)
                : secret.Environment is { } variable ? System.Text.Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(variable) ?? "")
                : System.Text.Encoding.UTF8.GetBytes(secret.Content ?? "");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EngineException($"service \"{service}\": cannot read build secret {source}: {exception.Message}", exception);
        }
    }

    private static IEnumerable<(string Name, string Source)> AdditionalContexts(BuildConfig build)
    {
        if (!build.Other.Values.TryGetValue("additional_contexts", out var value))
        {
            yield break;
        }

        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (name, source) in map)
                {
                    yield return (name, Scalar(source));
                }

                break;
            case IReadOnlyList<object?> list:
                foreach (var item in list.Select(Scalar))
                {
                    var pair = item.Split('=', 2);
                    yield return (pair[0], pair.Length == 2 ? pair[1] : "");
                }

                break;
        }
    }

    private static IReadOnlyList<string> StringList(Extensions other, string key) =>
        other.Values.TryGetValue(key, out var value)
            ? value switch
            {
                IReadOnlyList<object?> list => [.. list.Select(Scalar)],
                null => [],
                _ => [.. Scalar(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            }
            : [];

    private static IReadOnlyList<BuildUlimit> Ulimits(Extensions other)
    {
        if (!other.Values.TryGetValue("ulimits", out var value) || value is not IReadOnlyDictionary<string, object?> map)
        {
            return [];
        }

        var ulimits = new List<BuildUlimit>();
        foreach (var (name, limit) in map)
        {
            if (limit is IReadOnlyDictionary<string, object?> pair)
            {
                ulimits.Add(new BuildUlimit(name, Number(pair.GetValueOrDefault("soft")), Number(pair.GetValueOrDefault("hard"))));
            }
            else
            {
                ulimits.Add(new BuildUlimit(name, Number(limit), Number(limit)));
            }
        }

        return ulimits;
    }

    private static long Number(object? value) =>
        long.TryParse(Scalar(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static string Scalar(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static bool IsOff(object? value) => value is false || Scalar(value).Equals("false", StringComparison.OrdinalIgnoreCase);

    private static bool IsStageName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
