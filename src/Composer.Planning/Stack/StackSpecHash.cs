using System.Security.Cryptography;
using System.Text.Json;
using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>
/// The SHA-256 of a service spec's canonical JSON (sorted maps, declaration order), replicas left out for the
/// long-running modes so that a scale is not a change of spec. Stored in a service label, it lets an unchanged
/// redeploy send nothing: the swarm bumps a service's version even for an identical update.
/// </summary>
public static class StackSpecHash
{
    public static string Of(SwarmServiceSpec spec)
    {
        var hashed = spec with
        {
            Replicas = SwarmModes.IsJob(spec.Mode) ? spec.Replicas : null,
            Labels = SwarmMaps.Sorted(spec.Labels.Where(label => label.Key != Model.StackLabels.ConfigHash)),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(hashed, Hashing.ModelJsonContext.Default.SwarmServiceSpec);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
