using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class DeviceRequestsTests
{
    [Fact]
    public void Gpus_all_is_one_request_for_every_gpu()
    {
        var request = Assert.Single(BindingHarness.Web("gpus: all").Gpus);

        Assert.Equal((DeviceRequest.AllDevices, "gpu"), (request.Count, string.Join(',', request.Capabilities)));
        Assert.Equal("gpus:\n  - capabilities:\n      - gpu\n    count: all\n", BindingHarness.WebAttributeYaml("gpus: all", "gpus"));
    }

    [Fact]
    public void Listed_gpus_keep_their_fields_and_always_have_the_gpu_capability()
    {
        var request = Assert.Single(BindingHarness.Web("gpus:\n  - driver: nvidia\n    device_ids: ['0', '2']\n    capabilities: [utility]\n    options: {mode: x}").Gpus);

        Assert.Equal(("nvidia", "0,2", "utility,gpu", "x"), (request.Driver, string.Join(',', request.DeviceIds), string.Join(',', request.Capabilities), request.Options["mode"]));
        Assert.Null(request.Count);
    }

    [Fact]
    public void Reserved_devices_are_typed_with_count_all_and_round_trip()
    {
        const string yaml = """
            deploy:
              resources:
                reservations:
                  memory: 1g
                  devices:
                    - driver: nvidia
                      count: all
                      capabilities: [gpu, compute]
                    - driver: cdi
                      device_ids: [vendor.com/gpu=0]
            """;

        var devices = BindingHarness.Web(yaml).Deploy!.Reservations!.Devices;

        Assert.Equal(2, devices.Count);
        Assert.Equal(("nvidia", DeviceRequest.AllDevices, "gpu,compute"), (devices[0].Driver, devices[0].Count, string.Join(',', devices[0].Capabilities)));
        Assert.Equal("vendor.com/gpu=0", Assert.Single(devices[1].DeviceIds));
        Assert.True(BindingHarness.Web(yaml).Deploy!.Other.IsEmpty);
        BindingHarness.RoundTrip(BindingHarness.Load(BindingHarness.Services(yaml)));
    }

    [Fact]
    public void Gpus_that_are_neither_all_nor_a_list_are_a_located_error()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("gpus: some")));

        Assert.Equal("services.web.gpus", diagnostic.Path);
    }
}
