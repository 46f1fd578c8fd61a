using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class EnvironmentTests
{
    [Fact]
    public void List_form_splits_at_the_first_equals_sign()
    {
        var environment = BindingHarness.Web("environment: [\"A=1\", \"B=x=y\", \"EMPTY=\"]").Environment;

        Assert.Equal("1", environment["A"]);
        Assert.Equal("x=y", environment["B"]);
        Assert.Equal(string.Empty, environment["EMPTY"]);
    }

    [Fact]
    public void A_name_without_value_is_null_meaning_take_it_from_the_caller()
    {
        var environment = BindingHarness.Web("environment: [\"HOME\"]").Environment;

        Assert.True(environment.ContainsKey("HOME"));
        Assert.Null(environment["HOME"]);
    }

    [Fact]
    public void Map_form_keeps_numbers_and_booleans_as_written_text()
    {
        var environment = BindingHarness.Web("""
            environment:
              PORT: 8080
              DEBUG: true
              RATIO: 1.50
              QUOTED: "yes"
              UNSET:
            """).Environment;

        Assert.Equal("8080", environment["PORT"]);
        Assert.Equal("true", environment["DEBUG"]);
        Assert.Equal("1.50", environment["RATIO"]);
        Assert.Equal("yes", environment["QUOTED"]);
        Assert.Null(environment["UNSET"]);
    }

    [Fact]
    public void Canonical_form_is_a_sorted_map_with_typed_looking_values_quoted()
    {
        var yaml = BindingHarness.WebAttributeYaml("environment: [\"B=true\", \"A=8080\", \"C\", \"D=hello\", \"E=\"]", "environment");

        Assert.Equal("""
            environment:
              A: "8080"
              B: "true"
              C: null
              D: hello
              E: ""

            """, yaml);
    }

    [Fact]
    public void A_nested_value_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("environment:\n  A: [1]")));

        Assert.Equal("services.web.environment.A", diagnostic.Path);
    }

    [Fact]
    public void Env_file_accepts_a_string_a_list_and_the_long_form_with_absolute_paths()
    {
        Assert.Equal("/work/project/.env", Assert.Single(BindingHarness.Web("env_file: .env").EnvFiles).Path);

        var files = BindingHarness.Web("""
            env_file:
              - ./a.env
              - path: /etc/b.env
                required: false
                format: raw
            """).EnvFiles;

        Assert.Equal("/work/project/a.env", files[0].Path);
        Assert.True(files[0].Required);
        Assert.Equal("/etc/b.env", files[1].Path);
        Assert.False(files[1].Required);
        Assert.Equal("raw", files[1].Format);
    }

    [Fact]
    public void Env_file_canonical_form_is_long()
    {
        var yaml = BindingHarness.WebAttributeYaml("env_file: [a.env]", "env_file");

        Assert.Equal("""
            env_file:
              - path: /work/project/a.env
                required: true

            """, yaml);
    }
}
