using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class SecretsAndConfigsTests
{
    private const string Yaml = """
        services:
          web:
            secrets:
              - db_password
              - source: api_key
                target: /run/keys/api
                uid: "1000"
                gid: "1000"
                mode: 0440
            configs: [nginx_conf]
        secrets:
          db_password:
            file: ./secrets/db.txt
          api_key:
            environment: API_KEY
          shared:
            external: true
        configs:
          nginx_conf:
            content: |
              server {}
            name: custom_nginx
        """;

    [Fact]
    public void Service_references_take_a_name_or_the_long_form()
    {
        var service = BindingHarness.Load(Yaml).Services["web"];

        Assert.Equal(new FileReference { Source = "db_password" }, service.Secrets[0]);
        Assert.Equal(
            new FileReference { Source = "api_key", Target = "/run/keys/api", Uid = "1000", Gid = "1000", Mode = 288 },
            service.Secrets[1]);
        Assert.Equal("nginx_conf", Assert.Single(service.Configs).Source);
    }

    [Fact]
    public void Top_level_secrets_resolve_files_and_name_with_the_project()
    {
        var project = BindingHarness.Load(Yaml);

        Assert.Equal("/work/project/secrets/db.txt", project.Secrets["db_password"].File);
        Assert.Equal("demo_db_password", project.Secrets["db_password"].Name);
        Assert.Equal("API_KEY", project.Secrets["api_key"].Environment);
        Assert.True(project.Secrets["shared"].External);
        Assert.Equal("shared", project.Secrets["shared"].Name);
        Assert.Equal("server {}\n", project.Configs["nginx_conf"].Content);
        Assert.Equal("custom_nginx", project.Configs["nginx_conf"].Name);
    }

    [Fact]
    public void Canonical_form()
    {
        var yaml = BindingHarness.RoundTrip(BindingHarness.Load(Yaml));

        Assert.Equal("""
            name: demo
            services:
              web:
                configs:
                  - source: nginx_conf
                networks:
                  default: null
                secrets:
                  - source: db_password
                  - gid: "1000"
                    mode: 288
                    source: api_key
                    target: /run/keys/api
                    uid: "1000"
            networks:
              default:
                name: demo_default
            secrets:
              api_key:
                environment: API_KEY
                name: demo_api_key
              db_password:
                file: /work/project/secrets/db.txt
                name: demo_db_password
              shared:
                external: true
                name: shared
            configs:
              nginx_conf:
                content: |
                  server {}
                name: custom_nginx

            """, yaml);
    }

    [Fact]
    public void A_reference_without_source_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("secrets:\n  - target: /x")));

        Assert.Equal("services.web.secrets[0].source", diagnostic.Path);
    }
}
