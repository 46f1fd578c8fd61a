using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class VolumesTests
{
    [Fact]
    public void Named_volume_short_syntax()
    {
        var volume = Assert.Single(BindingHarness.Web("volumes: [\"data:/var/lib/data\"]").Volumes);

        Assert.Equal("volume", volume.Type);
        Assert.Equal("data", volume.Source);
        Assert.Equal("/var/lib/data", volume.Target);
        Assert.False(volume.ReadOnly);
    }

    [Fact]
    public void Relative_bind_becomes_absolute_with_options()
    {
        var volume = Assert.Single(BindingHarness.Web("volumes: [\"./src:/app:ro,z\"]").Volumes);

        Assert.Equal("bind", volume.Type);
        Assert.Equal("/work/project/src", volume.Source);
        Assert.Equal("/app", volume.Target);
        Assert.True(volume.ReadOnly);
        Assert.Equal(new BindOptions { CreateHostPath = true, Selinux = "z" }, volume.Bind);
    }

    [Theory]
    [InlineData("/srv/data:/data", "/srv/data")]
    [InlineData("../shared:/data", "/work/shared")]
    [InlineData(".:/data", "/work/project")]
    [InlineData("~/cache:/data", "/home/tester/cache")]
    [InlineData("~:/data", "/home/tester")]
    public void Bind_sources_resolve_against_the_project_folder_or_home(string spec, string source)
    {
        var volume = Assert.Single(BindingHarness.Web($"volumes: [\"{spec}\"]").Volumes);

        Assert.Equal("bind", volume.Type);
        Assert.Equal(source, volume.Source);
    }

    [Fact]
    public void Target_alone_is_an_anonymous_volume()
    {
        var volume = Assert.Single(BindingHarness.Web("volumes: [/cache]").Volumes);

        Assert.Equal(new ServiceVolume { Type = "volume", Target = "/cache" }, volume);
    }

    [Fact]
    public void Short_options_cover_propagation_nocopy_and_consistency()
    {
        var volumes = BindingHarness.Web("volumes: [\"./a:/a:rshared,cached\", \"data:/b:nocopy,rw\"]").Volumes;

        Assert.Equal("rshared", volumes[0].Bind!.Propagation);
        Assert.Equal("cached", volumes[0].Consistency);
        Assert.True(volumes[1].Volume!.NoCopy);
        Assert.False(volumes[1].ReadOnly);
    }

    [Fact]
    public void Long_syntax_with_bind_volume_and_tmpfs_options()
    {
        var volumes = BindingHarness.Web("""
            volumes:
              - type: bind
                source: ./config
                target: /etc/app
                read_only: true
                bind:
                  propagation: rprivate
                  create_host_path: false
                  selinux: Z
              - type: volume
                source: data
                target: /data
                volume:
                  nocopy: true
                  subpath: sub
              - type: tmpfs
                target: /tmp
                tmpfs:
                  size: 64m
                  mode: 1777
            """).Volumes;

        Assert.Equal("/work/project/config", volumes[0].Source);
        Assert.True(volumes[0].ReadOnly);
        Assert.Equal(new BindOptions { Propagation = "rprivate", CreateHostPath = false, Selinux = "Z" }, volumes[0].Bind);
        Assert.Equal(new VolumeOptions { NoCopy = true, Subpath = "sub" }, volumes[1].Volume);
        Assert.Null(volumes[2].Source);
        Assert.Equal(64L * 1024 * 1024, volumes[2].Tmpfs!.Size);
        Assert.Equal(1777, volumes[2].Tmpfs!.Mode);
    }

    [Fact]
    public void Canonical_form_is_long_syntax()
    {
        var yaml = BindingHarness.WebAttributeYaml("volumes: [\"./src:/app:ro,z\", \"data:/data\", /anon]", "volumes");

        Assert.Equal("""
            volumes:
              - bind:
                  create_host_path: true
                  selinux: z
                read_only: true
                source: /work/project/src
                target: /app
                type: bind
              - source: data
                target: /data
                type: volume
              - target: /anon
                type: volume

            """, yaml);
    }

    [Theory]
    [InlineData("a:b:c:d", "expected [SOURCE:]TARGET[:OPTIONS]")]
    [InlineData("data:/x:bogus", "unknown option \"bogus\"")]
    [InlineData(":/x", "expected")]
    public void Invalid_short_syntax_is_reported(string spec, string message)
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services($"volumes: [\"{spec}\"]")));

        Assert.Equal("services.web.volumes[0]", diagnostic.Path);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_syntax_needs_a_known_type_and_a_target()
    {
        var diagnostics = BindingHarness.Diagnose(BindingHarness.Services("""
            volumes:
              - type: nfs
                target: /x
              - type: volume
            """));

        Assert.Equal(["services.web.volumes[0].type", "services.web.volumes[1].target"], diagnostics.Select(item => item.Path));
    }

    [Fact]
    public void Empty_option_objects_bind_like_missing_ones()
    {
        var volume = Assert.Single(BindingHarness.Web("volumes:\n  - type: volume\n    source: data\n    target: /d\n    volume: {}\n    bind: {}").Volumes);

        Assert.Null(volume.Volume);
        Assert.Null(volume.Bind);
    }
}
