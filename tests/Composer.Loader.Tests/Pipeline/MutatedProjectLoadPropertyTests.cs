using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;
using CsCheck;

namespace Composer.Loader.Tests.Pipeline;

/// <summary>
/// Damaged compose files through the whole loader, schema validation and binding included: a load either succeeds or
/// throws a <see cref="LoadException"/> whose diagnostics all name a file and say something; never another exception,
/// never an internal failure dressed as a diagnostic, never a hang.
/// </summary>
public sealed class MutatedProjectLoadPropertyTests : IDisposable
{
    private const string InternalFailurePrefix = "unexpected problem while loading";

    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    private static readonly string[] ValidDocuments =
    [
        "name: demo\nservices:\n  web:\n    image: \"nginx:${TAG:-latest}\"\n    ports:\n      - \"8080:80\"\n      - \"127.0.0.1:9000-9001:9000-9001/udp\"\n      - target: 443\n        published: \"8443\"\n        protocol: tcp\n    expose: [\"3000\", 4000]\n    environment:\n      - A=1\n      - B=${B:-2}\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n      interval: 1m30s\n      timeout: 10s\n      retries: 3\n      start_period: 40s\n    mem_limit: 512m\n    cpus: 0.5\n    ulimits:\n      nproc: 65535\n      nofile:\n        soft: 20000\n        hard: 40000\n    extra_hosts:\n      - \"somehost=162.242.195.82\"\n    stop_grace_period: 1m\n  db:\n    image: postgres\n    volumes:\n      - \"data:/var/lib/postgresql/data:ro\"\n      - ./init:/docker-entrypoint-initdb.d\n      - type: tmpfs\n        target: /tmp\n        tmpfs:\n          size: 10mb\n    healthcheck:\n      test: pg_isready\n    shm_size: 64m\nvolumes:\n  data: {}\n",
        "x-base: &base\n  restart: always\n  labels: {a: b}\nservices:\n  api:\n    <<: *base\n    build:\n      context: ./api\n      args: [X=1]\n      target: prod\n      cache_from: [a/b]\n    command: [\"run\", \"$${HOME}\"]\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n          cpus: \"0.50\"\n          memory: 50M\n        reservations:\n          devices:\n            - capabilities: [gpu]\n      restart_policy:\n        condition: on-failure\n        delay: 5s\n  worker:\n    extends: api\n    entrypoint: /bin/sh -c 'echo hi'\n    profiles: [jobs]\n    network_mode: \"service:api\"\n",
        "services:\n  app:\n    image: app\n    networks:\n      front:\n        aliases: [a]\n        ipv4_address: 172.16.238.10\n    logging:\n      driver: json-file\n      options:\n        max-size: \"200k\"\n    devices:\n      - \"/dev/ttyUSB0:/dev/ttyUSB0:rwm\"\n    secrets:\n      - token\n      - source: cert\n        target: /etc/cert\n        mode: 0440\n    configs: [settings]\n    env_file:\n      - path: ./app.env\n        required: false\n    sysctls:\n      net.core.somaxconn: 1024\n    tmpfs: /run\n    user: \"1000:1000\"\n    labels:\n      - com.example=1\nnetworks:\n  front:\n    driver: bridge\n    ipam:\n      config:\n        - subnet: 172.16.238.0/24\nsecrets:\n  token:\n    file: ./token.txt\n  cert:\n    environment: CERT\nconfigs:\n  settings:\n    content: |\n      a=1\n",
        "include:\n  - path: ./lib/compose.yaml\nservices:\n  x:\n    image: \"${IMAGE:-busybox}\"\n    depends_on: [lib]\n    volumes_from: [lib]\n    links: [\"lib:alias\"]\n    pull_policy: always\n    scale: 1\n",
    ];

    private static readonly Gen<(int Document, uint[] Operations, bool AllProfiles)> Inputs =
        Gen.Select(Gen.Int[0, ValidDocuments.Length - 1], Gen.UInt.Array[1, 5], Gen.Bool);

    /// <summary>Only value replacements: the YAML stays readable, so the damage reaches validation and binding.</summary>
    private static readonly Gen<(int Document, uint[] Operations, bool AllProfiles)> ValueInputs =
        Gen.Select(Gen.Int[0, ValidDocuments.Length - 1], Gen.UInt.Select(ComposeTextMutator.AsValueReplacement).Array[1, 4], Gen.Bool);

    private readonly TempFolder _folder = new();

    public MutatedProjectLoadPropertyTests()
    {
        _folder.Write("lib/compose.yaml", "services:\n  lib:\n    image: lib\n    ports: [\"7000\"]\n");
        _folder.Write("token.txt", "secret\n");
        _folder.Write("app.env", "FROM_FILE=1\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Unmutated_documents_load()
    {
        for (var index = 0; index < ValidDocuments.Length; index++)
        {
            var failure = Load(ValidDocuments[index], allProfiles: true, baseText: ValidDocuments[(index + 1) % ValidDocuments.Length]);
            Assert.True(failure is null, $"document {index} over document {(index + 1) % ValidDocuments.Length}:\n{failure?.Message}");
            failure = Load(ValidDocuments[index], allProfiles: true);
            Assert.True(failure is null, $"document {index}:\n{failure?.Message}");
        }
    }

    [Fact]
    public void Mutated_compose_files_fail_only_with_located_diagnostics()
    {
        Inputs.Sample(CheckLoad, iter: 1500, threads: 1);
    }

    [Fact]
    public void Compose_files_with_damaged_values_fail_only_with_located_diagnostics()
    {
        ValueInputs.Sample(CheckLoad, iter: 1500, threads: 1);
    }

    [Fact]
    public void Damaged_override_files_merged_over_a_valid_base_fail_only_with_located_diagnostics()
    {
        Gen.Select(Gen.Int[0, ValidDocuments.Length - 1], ValueInputs).Sample(
            input => CheckLoad(input.Item2, ValidDocuments[input.Item1]), iter: 1000, threads: 1);
    }

    private void CheckLoad((int Document, uint[] Operations, bool AllProfiles) input) => CheckLoad(input, baseText: null);

    private void CheckLoad((int Document, uint[] Operations, bool AllProfiles) input, string? baseText)
    {
        var text = ComposeTextMutator.Mutate(ValidDocuments[input.Document], input.Operations);
        var failure = Load(text, input.AllProfiles, baseText);
        foreach (var diagnostic in failure?.Diagnostics ?? [])
        {
            Assert.False(string.IsNullOrEmpty(diagnostic.Mark.File), $"diagnostic without a file: {diagnostic}\nfor:\n{text}");
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"diagnostic without a message: {diagnostic}\nfor:\n{text}");
            Assert.False(diagnostic.Message.StartsWith(InternalFailurePrefix, StringComparison.Ordinal), $"{diagnostic}\nfor:\n{text}");
        }
    }

    /// <summary>The load failure, or null when the text loaded; any other exception or a hang fails the test.</summary>
    private LoadException? Load(string text, bool allProfiles, string? baseText = null)
    {
        var composeFile = _folder.Write("compose.yaml", text);
        IReadOnlyList<string> configFiles = baseText is null ? [composeFile] : [_folder.Write("base.yaml", baseText), composeFile];
        var options = new LoadOptions
        {
            ConfigFiles = configFiles,
            WorkingDirectory = _folder.Path,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PORT"] = "8080", ["CERT"] = "c" },
            Profiles = allProfiles ? ["*"] : [],
        };

        using var timeout = new CancellationTokenSource();
        var load = Task.Run(() => ProjectLoader.LoadAsync(options, timeout.Token));
        // WaitAny rather than Wait: a faulted load must be inspected below, not thrown here.
        if (Task.WaitAny([load], TimeLimit) < 0)
        {
            timeout.Cancel();
            Assert.Fail($"the load did not finish within {TimeLimit} on:\n{text}");
        }

        return load.Exception?.InnerException switch
        {
            null => null,
            LoadException failure => failure,
            var other => throw new Xunit.Sdk.XunitException($"{other.GetType().Name}: {other.Message}\nfor:\n{text}\n{other.StackTrace}"),
        };
    }
}
