using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Images;

/// <summary>Reads a service's pull_policy; an unknown one is a one-line error naming the service.</summary>
internal static class PullPolicies
{
    public static PullPolicy Of(Service service)
    {
        try
        {
            return PullPolicy.Parse(service.PullPolicy, service.Name);
        }
        catch (FormatException invalid)
        {
            throw new UnsupportedServiceException([invalid.Message]);
        }
    }
}
