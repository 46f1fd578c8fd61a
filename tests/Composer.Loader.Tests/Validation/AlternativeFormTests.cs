using Xunit;

namespace Composer.Loader.Tests.Validation;

/// <summary>
/// Attributes with a short and a long form: a mistake in the long form must be explained in terms of the long form,
/// not as "must be a string".
/// </summary>
public sealed class AlternativeFormTests
{
    [Fact]
    public void Build_accepts_the_short_and_the_long_form()
    {
        SchemaAssert.Valid("""
            services:
              short:
                build: ./app
              long:
                build:
                  context: ./app
                  dockerfile: Dockerfile.dev
                  args:
                    VERSION: 1
                  target: dev
                  platforms: [linux/amd64]
            """);
    }

    [Fact]
    public void Unknown_key_in_long_build_is_reported_inside_build()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                build:
                  context: .
                  dockerfiel: Dockerfile
            """);

        Assert.Equal("additional property 'dockerfiel' is not allowed", diagnostic.Message);
        Assert.Equal("services.web.build", diagnostic.Path);
        Assert.Equal(5, diagnostic.Mark.Line);
        Assert.Equal(7, diagnostic.Mark.Column);
    }

    [Fact]
    public void Build_of_no_accepted_type_names_both_forms()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                build: [a, b]
            """);

        Assert.Equal("must be a string or mapping", diagnostic.Message);
        Assert.Equal("services.web.build", diagnostic.Path);
    }

    [Fact]
    public void Long_volume_without_type_reports_the_missing_property()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                volumes:
                  - ./data:/data
                  - source: logs
                    target: /logs
            """);

        Assert.Equal("missing required property 'type'", diagnostic.Message);
        Assert.Equal("services.web.volumes[1]", diagnostic.Path);
        Assert.Equal(6, diagnostic.Mark.Line);
        Assert.Equal(9, diagnostic.Mark.Column);
    }

    [Fact]
    public void Long_port_with_a_wrong_field_reports_the_field()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                ports:
                  - 80
                  - "8080:80"
                  - target: 443
                    publish: 8443
            """);

        Assert.Equal("additional property 'publish' is not allowed", diagnostic.Message);
        Assert.Equal("services.web.ports[2]", diagnostic.Path);
        Assert.Equal(8, diagnostic.Mark.Line);
    }

    [Fact]
    public void Port_of_no_accepted_type_names_all_forms()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                ports:
                  - true
            """);

        Assert.Equal("must be a string, number or mapping", diagnostic.Message);
        Assert.Equal("services.web.ports[0]", diagnostic.Path);
    }

    [Fact]
    public void Command_list_item_of_the_wrong_type_is_reported_at_the_item()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                command: ["run", {a: b}]
            """);

        Assert.Equal("must be a string", diagnostic.Message);
        Assert.Equal("services.web.command[1]", diagnostic.Path);
    }

    [Fact]
    public void Depends_on_accepts_list_and_mapping()
    {
        SchemaAssert.Valid("""
            services:
              a:
                image: x
                depends_on: [b]
              b:
                image: x
                depends_on:
                  c:
                    condition: service_healthy
                    restart: true
                    required: false
              c:
                image: x
            """);
    }

    [Fact]
    public void Extends_object_without_service_reports_it()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                extends:
                  file: base.yaml
            """);

        Assert.Equal("missing required property 'service'", diagnostic.Message);
        Assert.Equal("services.web.extends", diagnostic.Path);
    }

    [Fact]
    public void Ulimit_long_form_needs_soft_and_hard()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                ulimits:
                  nproc: 65535
                  nofile:
                    soft: 20000
            """);

        Assert.Equal("missing required property 'hard'", diagnostic.Message);
        Assert.Equal("services.web.ulimits.nofile", diagnostic.Path);
    }

    [Fact]
    public void Environment_list_item_of_the_wrong_type_is_explained_as_a_list()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                environment:
                  - A=1
                  - [B, 2]
            """);

        Assert.Equal("must be a string", diagnostic.Message);
        Assert.Equal("services.web.environment[1]", diagnostic.Path);
    }

    [Fact]
    public void Service_networks_accept_list_and_mapping_forms()
    {
        SchemaAssert.Valid("""
            services:
              web:
                image: nginx
                networks:
                  front:
                    aliases: [www]
                    ipv4_address: 172.16.238.10
                    priority: 1000
                  back: {}
              worker:
                image: nginx
                networks: [back]
            networks:
              front: {}
              back: {}
            """);
    }
}
