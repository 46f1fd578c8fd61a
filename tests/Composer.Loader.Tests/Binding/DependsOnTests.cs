using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class DependsOnTests
{
    [Fact]
    public void List_form_means_started_and_required()
    {
        var dependencies = BindingHarness.Web("depends_on: [db, cache]").DependsOn;

        Assert.Equal(["cache", "db"], dependencies.Keys);
        Assert.All(dependencies.Values, dependency =>
        {
            Assert.Equal(ServiceDependency.Started, dependency.Condition);
            Assert.True(dependency.Required);
            Assert.False(dependency.Restart);
        });
    }

    [Fact]
    public void Map_form_keeps_condition_restart_and_required()
    {
        var dependencies = BindingHarness.Web("""
            depends_on:
              db:
                condition: service_healthy
                restart: true
              migrate:
                condition: service_completed_successfully
                required: "false"
            """).DependsOn;

        Assert.Equal(ServiceDependency.Healthy, dependencies["db"].Condition);
        Assert.True(dependencies["db"].Restart);
        Assert.True(dependencies["db"].Required);
        Assert.Equal(ServiceDependency.CompletedSuccessfully, dependencies["migrate"].Condition);
        Assert.False(dependencies["migrate"].Required);
    }

    [Fact]
    public void Canonical_form_is_the_map_with_condition_and_required()
    {
        var yaml = BindingHarness.WebAttributeYaml("depends_on:\n  db: {condition: service_healthy, restart: true}\n  cache: null", "depends_on");

        Assert.Equal("""
            depends_on:
              cache:
                condition: service_started
                required: true
              db:
                condition: service_healthy
                required: true
                restart: true

            """, yaml);
    }

    [Fact]
    public void Unknown_condition_is_reported_at_the_condition()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("depends_on:\n  db:\n    condition: service_ready")));

        Assert.Equal("services.web.depends_on.db.condition", diagnostic.Path);
        Assert.Equal(5, diagnostic.Mark.Line);
    }

    [Fact]
    public void A_non_boolean_restart_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("depends_on:\n  db:\n    restart: sometimes")));

        Assert.Equal("services.web.depends_on.db.restart", diagnostic.Path);
        Assert.Contains("boolean", diagnostic.Message, StringComparison.Ordinal);
    }
}
