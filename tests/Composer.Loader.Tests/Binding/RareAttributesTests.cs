using Xunit;

namespace Composer.Loader.Tests.Binding;

/// <summary>blkio_config, use_api_socket, attach, interface_name, top-level models: typed and round-tripped.</summary>
public sealed class RareAttributesTests
{
    [Fact]
    public void Blkio_config_binds_weights_and_rates_with_byte_sizes()
    {
        const string yaml = """
            blkio_config:
              weight: 300
              weight_device: [{path: /dev/sda, weight: 400}]
              device_read_bps: [{path: /dev/sda, rate: 12mb}]
              device_write_bps: [{path: /dev/sda, rate: 1024k}]
              device_read_iops: [{path: /dev/sda, rate: 120}]
              device_write_iops: [{path: /dev/sda, rate: 30}]
            """;

        var blkio = BindingHarness.Web(yaml).BlkioConfig!;

        Assert.Equal((300, "/dev/sda", 400L), (blkio.Weight, blkio.WeightDevice[0].Path, blkio.WeightDevice[0].Value));
        Assert.Equal(12L * 1024 * 1024, blkio.DeviceReadBps[0].Value);
        Assert.Equal(1024L * 1024, blkio.DeviceWriteBps[0].Value);
        Assert.Equal((120L, 30L), (blkio.DeviceReadIops[0].Value, blkio.DeviceWriteIops[0].Value));
        BindingHarness.RoundTrip(BindingHarness.Load(BindingHarness.Services(yaml)));
    }

    [Fact]
    public void A_blkio_rate_without_its_value_is_a_located_error()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("blkio_config:\n  device_read_bps: [{path: /dev/sda}]")));

        Assert.Equal("services.web.blkio_config.device_read_bps[0].rate", diagnostic.Path);
    }

    [Fact]
    public void Use_api_socket_attach_and_interface_name_are_typed()
    {
        var service = BindingHarness.Web("use_api_socket: true\nattach: false\nnetworks:\n  default:\n    interface_name: eth7");

        Assert.Equal((true, false), (service.UseApiSocket, service.Attach));
        Assert.Equal("eth7", service.Networks["default"]!.InterfaceName);
        Assert.True(service.Other.IsEmpty);
        BindingHarness.RoundTrip(BindingHarness.Load(BindingHarness.Services("use_api_socket: true\nattach: false")));
    }

    [Fact]
    public void Top_level_models_are_kept_by_name()
    {
        var project = BindingHarness.Load("services:\n  chat:\n    image: x\n    models: [llm]\nmodels:\n  llm:\n    model: ai/smollm2");

        Assert.Equal(["llm"], project.Models.Values.Keys);
        Assert.True(project.Services["chat"].Other.Values.ContainsKey("models"));
    }
}
