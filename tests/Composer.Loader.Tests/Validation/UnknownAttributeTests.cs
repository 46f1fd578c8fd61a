using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class UnknownAttributeTests
{
    [Fact]
    public void Unknown_service_attribute_is_reported_at_its_key_under_the_service_path()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                wrongField: 1
            """);

        Assert.Equal("additional property 'wrongField' is not allowed", diagnostic.Message);
        Assert.Equal("services.web", diagnostic.Path);
        Assert.Equal(4, diagnostic.Mark.Line);
        Assert.Equal(5, diagnostic.Mark.Column);
    }

    [Fact]
    public void Unknown_top_level_element_is_reported()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services: {}
            servics:
              web:
                image: nginx
            """);

        Assert.Equal("additional property 'servics' is not allowed", diagnostic.Message);
        Assert.Equal(string.Empty, diagnostic.Path);
        Assert.Equal(2, diagnostic.Mark.Line);
        Assert.Equal(1, diagnostic.Mark.Column);
    }

    [Fact]
    public void Unknown_attribute_deep_inside_deploy_is_reported_with_its_full_path()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                deploy:
                  resources:
                    limits:
                      memory: 512M
                      gpu: 1
            """);

        Assert.Equal("additional property 'gpu' is not allowed", diagnostic.Message);
        Assert.Equal("services.web.deploy.resources.limits", diagnostic.Path);
        Assert.Equal(8, diagnostic.Mark.Line);
    }

    [Fact]
    public void Every_unknown_attribute_gets_its_own_diagnostic()
    {
        var diagnostics = SchemaAssert.Validate("""
            services:
              web:
                image: nginx
                colour: blue
              db:
                image: postgres
                size: large
            """);

        Assert.Equal(
            ["services.web: additional property 'colour' is not allowed", "services.db: additional property 'size' is not allowed"],
            diagnostics.Select(diagnostic => $"{diagnostic.Path}: {diagnostic.Message}"));
    }

    [Fact]
    public void Extension_fields_are_allowed_at_top_level_in_services_and_in_resources()
    {
        SchemaAssert.Valid("""
            x-defaults: &defaults
              restart: always
            services:
              web:
                image: nginx
                x-owner: team-a
                deploy:
                  x-placement-hint: eu
                build:
                  context: .
                  x-cache: true
            networks:
              front:
                x-colour: blue
            volumes:
              data:
                x-backup: nightly
            secrets:
              token:
                file: ./token.txt
                x-rotate: weekly
            configs:
              settings:
                file: ./settings.ini
                x-format: ini
            """);
    }

    [Fact]
    public void A_key_that_only_looks_like_an_extension_is_still_unknown()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                xfoo: 1
            """);

        Assert.Equal("additional property 'xfoo' is not allowed", diagnostic.Message);
    }

    [Fact]
    public void Obsolete_version_is_accepted_as_text_or_number()
    {
        SchemaAssert.Valid("""
            version: "3.8"
            services: {}
            """);
        SchemaAssert.Valid("""
            version: 3.8
            services: {}
            """);
    }

    [Fact]
    public void Invalid_service_name_is_reported()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              "my web":
                image: nginx
            """);

        Assert.Equal("invalid name 'my web': use only letters, digits, '.', '_' and '-'", diagnostic.Message);
        Assert.Equal("services", diagnostic.Path);
        Assert.Equal(2, diagnostic.Mark.Line);
        Assert.Equal(3, diagnostic.Mark.Column);
    }
}
