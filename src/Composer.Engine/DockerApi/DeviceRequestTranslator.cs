// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using Composer.Engine.Validation;
using Composer.Model;

namespace Composer.Engine.DockerApi;

/// <summary>
/// gpus, deploy.resources.reservations.devices and CDI names in devices to the engine's DeviceRequests, as docker
/// compose sends them: one request per entry, capabilities as one AND-set, CDI names in one request of driver cdi.
/// </summary>
internal static class DeviceRequestTranslator
{
    public static List<Docker.DotNet.Models.DeviceRequest> Requests(Service service)
    {
        var requests = new List<Docker.DotNet.Models.DeviceRequest>();
        var cdiNames = service.Devices.Where(CdiDevices.IsCdi).Select(device => device.Source).ToList();
        if (cdiNames.Count > 0)
        {
            requests.Add(new Docker.DotNet.Models.DeviceRequest { Driver = "cdi", DeviceIDs = cdiNames });
        }

        requests.AddRange(service.Gpus.Concat(service.Deploy?.Reservations?.Devices ?? []).Select(Request));
        return requests;
    }

    private static Docker.DotNet.Models.DeviceRequest Request(DeviceRequest request) => new()
    {
        Driver = request.Driver ?? "",
        Count = request.Count ?? (request.DeviceIds.Count == 0 ? DeviceRequest.AllDevices : 0),
        DeviceIDs = [.. request.DeviceIds],
        Capabilities = request.Capabilities.Count == 0 ? null : [[.. request.Capabilities]],
        Options = request.Options.ToDictionary(StringComparer.Ordinal),
    };
}
