using Composer.Loader.Tests.Binding;
using Composer.Loader.Writing;
using Composer.Model;
using CsCheck;
using Xunit;

namespace Composer.Loader.Tests.RoundTrip;

public sealed class FullProjectRoundTripTests
{
    private const string Compose = """
        name: ignored-the-context-names-the-project
        x-logging: &logging
          driver: json-file
          options: {max-size: 10m}
        services:
          proxy:
            image: nginx:1.27
            ports: ["80:80", "443:443", "127.0.0.1:8081-8082:81-82/udp"]
            volumes:
              - ./nginx.conf:/etc/nginx/nginx.conf:ro
              - certs:/etc/certs:nocopy
            depends_on:
              api:
                condition: service_healthy
            networks: [front]
            logging:
              driver: json-file
              options: {max-size: 10m}
          api:
            build:
              context: ./api
              args: [VERSION=2]
            command: ["dotnet", "Api.dll"]
            environment:
              ConnectionStrings__Db: "Host=db;Password=$${DB_PASSWORD}"
              ASPNETCORE_URLS: http://+:8080
            env_file: [api.env]
            expose: [8080]
            healthcheck:
              test: curl -fs http://localhost:8080/health
              interval: 10s
              timeout: 2s
              retries: 5
              start_period: 30s
            depends_on: [db]
            networks:
              front:
                aliases: [backend]
              back:
            deploy:
              replicas: 2
              resources:
                limits: {cpus: "1", memory: 1g}
            secrets: [db_password]
            stop_grace_period: 1m
          db:
            image: postgres:16
            environment: [POSTGRES_PASSWORD_FILE=/run/secrets/db_password]
            volumes:
              - type: volume
                source: pgdata
                target: /var/lib/postgresql/data
              - type: tmpfs
                target: /tmp
                tmpfs: {size: 100m}
            networks: [back]
            secrets:
              - source: db_password
                mode: 0400
            ulimits:
              nofile: {soft: 1024, hard: 2048}
            shm_size: 256m
          worker:
            image: busybox
            command: sh -c 'while true; do sleep 3600; done'
            network_mode: "service:api"
            profiles: [jobs]
        networks:
          front:
          back:
            internal: true
        volumes:
          pgdata:
          certs:
            external: true
        secrets:
          db_password:
            file: ./secrets/db_password.txt
        """;

    [Fact]
    public void A_realistic_project_prints_loads_and_prints_the_same()
    {
        var project = BindingHarness.Load(Compose);

        var yaml = BindingHarness.RoundTrip(project);

        Assert.Equal(["api", "db", "proxy", "worker"], project.Services.Keys);
        Assert.Equal(4, project.Services["proxy"].Ports.Count);
        Assert.Equal(2, project.Services["api"].Scale);
        Assert.Equal(["sh", "-c", "while true; do sleep 3600; done"], project.Services["worker"].Command!);
        Assert.False(project.Networks.ContainsKey("default"));
        Assert.Contains("      ConnectionStrings__Db: Host=db;Password=$${DB_PASSWORD}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      - mode: 256\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_yaml_describe_the_same_document()
    {
        var project = BindingHarness.Load(Compose);
        using var json = System.Text.Json.JsonDocument.Parse(ProjectWriter.ToJson(project));

        var api = json.RootElement.GetProperty("services").GetProperty("api");
        Assert.Equal("10s", api.GetProperty("healthcheck").GetProperty("interval").GetString());
        Assert.Equal(1L << 30, api.GetProperty("deploy").GetProperty("resources").GetProperty("limits").GetProperty("memory").GetInt64());
        Assert.Equal("/work/project/api", api.GetProperty("build").GetProperty("context").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, api.GetProperty("networks").GetProperty("back").ValueKind);
    }

    [Fact]
    public void Any_label_text_survives_a_round_trip()
    {
        var characters = Gen.Char["abcXYZ019 :#-_=.,/\\\"'{}[]!&*?|>%@`\t\n"];
        Gen.String[characters, 0, 12].Sample(value =>
        {
            var project = new Project
            {
                Name = "demo",
                WorkingDirectory = BindingHarness.WorkingDirectory,
                Services = new SortedDictionary<string, Service>(StringComparer.Ordinal)
                {
                    ["web"] = new()
                    {
                        Name = "web",
                        NetworkMode = "none",
                        Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["label"] = value, [value + "k"] = "v" },
                        Command = [value],
                    },
                },
            };

            var reloaded = BindingHarness.Load(ProjectWriter.ToYaml(project)).Services["web"];

            Assert.Equal(value, reloaded.Labels["label"]);
            Assert.Equal("v", reloaded.Labels[value + "k"]);
            Assert.Equal([value], reloaded.Command!);
        }, iter: 2_000);
    }

    [Fact]
    public void Extension_values_keep_their_types()
    {
        var scalarGen = Gen.OneOf<object?>(
            Gen.Long.Select(number => (object?)number),
            Gen.Double.Select(number => (object?)number),
            Gen.Bool.Select(flag => (object?)flag),
            Gen.String[Gen.Char["ab1.:-e "], 0, 6].Select(text => (object?)text),
            Gen.Bool.Select(_ => (object?)null));
        Gen.Dictionary(Gen.String[Gen.Char["xyz-"], 1, 4].Select(key => "x-" + key), scalarGen)[0, 5].Sample(values =>
        {
            var project = new Project
            {
                Name = "demo",
                WorkingDirectory = BindingHarness.WorkingDirectory,
                Extensions = new Extensions(new SortedDictionary<string, object?>(values, StringComparer.Ordinal)),
            };

            var reloaded = BindingHarness.Load(ProjectWriter.ToYaml(project)).Extensions.Values;

            Assert.Equal(values.Count, reloaded.Count);
            foreach (var (key, value) in values)
            {
                Assert.Equal(value, reloaded[key]);
            }
        }, iter: 2_000);
    }
}
