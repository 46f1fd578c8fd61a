using Xunit;

namespace Composer.Loader.Tests.Validation;

public sealed class TypeTests
{
    [Fact]
    public void Numeric_attributes_accept_numbers_and_interpolated_text()
    {
        SchemaAssert.Valid("""
            services:
              web:
                image: nginx
                cpus: 0.5
                mem_limit: "512m"
                shm_size: 67108864
                cpu_shares: "${SHARES}"
                pids_limit: 100
                scale: "2"
                oom_score_adj: -500
            """);
    }

    [Fact]
    public void Numeric_attribute_rejects_a_boolean_naming_the_accepted_types()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                cpus: true
            """);

        Assert.Equal("must be a string or number", diagnostic.Message);
        Assert.Equal("services.web.cpus", diagnostic.Path);
        Assert.Equal(4, diagnostic.Mark.Line);
        Assert.Equal(11, diagnostic.Mark.Column);
    }

    [Fact]
    public void Boolean_attributes_accept_booleans_and_text()
    {
        SchemaAssert.Valid("""
            services:
              web:
                image: nginx
                privileged: true
                read_only: "false"
                tty: ${TTY}
                init: false
            """);
    }

    [Fact]
    public void Boolean_attribute_rejects_a_number()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                privileged: 1
            """);

        Assert.Equal("must be a string or boolean", diagnostic.Message);
        Assert.Equal("services.web.privileged", diagnostic.Path);
    }

    [Fact]
    public void String_attribute_rejects_a_number()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: 42
            """);

        Assert.Equal("must be a string", diagnostic.Message);
        Assert.Equal("services.web.image", diagnostic.Path);
    }

    [Fact]
    public void Quoted_numbers_are_strings()
    {
        SchemaAssert.Valid("""
            services:
              web:
                image: "42"
                container_name: '007'
            """);
    }

    [Fact]
    public void Services_must_be_a_mapping()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              - web
            """);

        Assert.Equal("must be a mapping", diagnostic.Message);
        Assert.Equal("services", diagnostic.Path);
        Assert.Equal(2, diagnostic.Mark.Line);
    }

    [Fact]
    public void List_item_of_the_wrong_type_is_reported_at_the_item()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                cap_add:
                  - NET_ADMIN
                  - 12
            """);

        Assert.Equal("must be a string", diagnostic.Message);
        Assert.Equal("services.web.cap_add[1]", diagnostic.Path);
        Assert.Equal(6, diagnostic.Mark.Line);
        Assert.Equal(9, diagnostic.Mark.Column);
    }

    [Fact]
    public void Enumerated_attribute_lists_the_allowed_values()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                depends_on:
                  db:
                    condition: service_ready
              db:
                image: postgres
            """);

        Assert.Equal("must be one of: service_started, service_healthy, service_completed_successfully", diagnostic.Message);
        Assert.Equal("services.web.depends_on.db.condition", diagnostic.Path);
    }

    [Fact]
    public void Null_is_accepted_where_compose_allows_it()
    {
        SchemaAssert.Valid("""
            services:
              web:
                image: nginx
                command: null
                environment:
                  UNSET:
                networks:
                  front:
            networks:
              front:
            volumes:
              data: ~
            """);
    }

    [Fact]
    public void Environment_values_may_be_scalars_but_not_mappings()
    {
        var diagnostic = SchemaAssert.SingleError("""
            services:
              web:
                image: nginx
                environment:
                  PORT: 8080
                  DEBUG: true
                  NESTED:
                    a: b
            """);

        Assert.Equal("services.web.environment.NESTED", diagnostic.Path);
        Assert.StartsWith("must be a string, number, boolean or null", diagnostic.Message, StringComparison.Ordinal);
    }
}
