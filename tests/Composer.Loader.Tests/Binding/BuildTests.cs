using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class BuildTests
{
    [Fact]
    public void A_string_is_the_context_made_absolute()
    {
        var build = BindingHarness.Web("build: ./app").Build!;

        Assert.Equal("/work/project/app", build.Context);
        Assert.Null(build.Dockerfile);
    }

    [Theory]
    [InlineData("https://github.com/docker/example.git#main")]
    [InlineData("git@github.com:docker/example.git")]
    public void Url_contexts_stay_as_written(string context)
    {
        Assert.Equal(context, BindingHarness.Web($"build: \"{context}\"").Build!.Context);
    }

    [Fact]
    public void Long_form_with_args_as_a_list()
    {
        var build = BindingHarness.Web("""
            build:
              context: .
              dockerfile: docker/Dockerfile
              args: ["VERSION=1.2", "FROM_ENV"]
              target: prod
              labels: [com.example=yes]
              shm_size: 2g
              cache_from: [type=local,src=/tmp]
              platforms: [linux/amd64, linux/arm64]
              no_cache: true
              pull: false
              tags: [example:latest]
              extra_hosts: ["registry:10.0.0.1"]
              ssh: [default]
              x-note: kept
            """).Build!;

        Assert.Equal("/work/project", build.Context);
        Assert.Equal("docker/Dockerfile", build.Dockerfile);
        Assert.Equal("1.2", build.Args["VERSION"]);
        Assert.Null(build.Args["FROM_ENV"]);
        Assert.Equal("prod", build.Target);
        Assert.Equal("yes", build.Labels["com.example"]);
        Assert.Equal(2L << 30, build.ShmSize);
        Assert.Equal(["linux/amd64", "linux/arm64"], build.Platforms);
        Assert.True(build.NoCache);
        Assert.False(build.Pull);
        Assert.Equal("10.0.0.1", Assert.Single(build.ExtraHosts).Address);
        Assert.True(build.Other.Values.ContainsKey("ssh"));
        Assert.Equal("kept", build.Extensions.Values["x-note"]);
    }

    [Fact]
    public void Args_as_a_map_keep_numbers_as_text()
    {
        var build = BindingHarness.Web("build:\n  context: .\n  args:\n    N: 3\n    EMPTY:").Build!;

        Assert.Equal("3", build.Args["N"]);
        Assert.Null(build.Args["EMPTY"]);
    }

    [Fact]
    public void Canonical_form()
    {
        var yaml = BindingHarness.WebAttributeYaml("""
            build:
              context: app
              args: ["V=1", "FROM_ENV"]
              ssh: [default]
            """, "build");

        Assert.Equal("""
            build:
              args:
                FROM_ENV: null
                V: "1"
              context: /work/project/app
              ssh:
                - default

            """, yaml);
    }
}
