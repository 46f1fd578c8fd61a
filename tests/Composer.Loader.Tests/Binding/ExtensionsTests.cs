using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class ExtensionsTests
{
    private const string Yaml = """
        x-common: &common
          retries: 3
          ratio: 0.5
          enabled: true
          tags: [a, b]
          nothing: null
          quoted: "8080"
        services:
          web:
            image: nginx
            x-team: platform
            ports:
              - target: 80
                x-lb: round-robin
            networks:
              front:
                x-weight: 10
            credential_spec:
              config: my-spec
            isolation: default
        networks:
          front:
            x-owner: net-team
        volumes:
          data:
            x-backup: daily
        """;

    [Fact]
    public void X_keys_are_kept_as_generic_values_at_every_level()
    {
        var project = BindingHarness.Load(Yaml);
        var common = (IReadOnlyDictionary<string, object?>)project.Extensions.Values["x-common"]!;

        Assert.Equal(3L, common["retries"]);
        Assert.Equal(0.5, common["ratio"]);
        Assert.Equal(true, common["enabled"]);
        Assert.Equal(new List<object?> { "a", "b" }, common["tags"]);
        Assert.Null(common["nothing"]);
        Assert.Equal("8080", common["quoted"]);

        var web = project.Services["web"];
        Assert.Equal("platform", web.Extensions.Values["x-team"]);
        Assert.Equal("round-robin", web.Ports[0].Extensions.Values["x-lb"]);
        Assert.Equal(10L, web.Networks["front"]!.Extensions.Values["x-weight"]);
        Assert.Equal("net-team", project.Networks["front"].Extensions.Values["x-owner"]);
        Assert.Equal("daily", project.Volumes["data"].Extensions.Values["x-backup"]);
    }

    [Fact]
    public void Rarely_used_attributes_are_kept_in_other()
    {
        var web = BindingHarness.Load(Yaml).Services["web"];

        Assert.Equal("my-spec", ((IReadOnlyDictionary<string, object?>)web.Other.Values["credential_spec"]!)["config"]);
    }

    [Fact]
    public void Canonical_form_prints_them_back_with_their_types()
    {
        var yaml = BindingHarness.RoundTrip(BindingHarness.Load(Yaml));

        Assert.Equal("""
            name: demo
            services:
              web:
                credential_spec:
                  config: my-spec
                image: nginx
                isolation: default
                networks:
                  front:
                    x-weight: 10
                ports:
                  - mode: ingress
                    protocol: tcp
                    target: 80
                    x-lb: round-robin
                x-team: platform
            networks:
              front:
                name: demo_front
                x-owner: net-team
            volumes:
              data:
                name: demo_data
                x-backup: daily
            x-common:
              enabled: true
              nothing: null
              quoted: "8080"
              ratio: 0.5
              retries: 3
              tags:
                - a
                - b

            """, yaml);
    }
}
