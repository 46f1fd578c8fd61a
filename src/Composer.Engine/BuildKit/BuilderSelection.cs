using Composer.Engine.Connection;
using Composer.Engine.Contracts;
using Docker.DotNet;

namespace Composer.Engine.BuildKit;

/// <summary>
/// Decides, once per engine, whether builds go through BuildKit: yes when the engine's API is 1.39 or newer and it
/// is not a Windows engine, unless DOCKER_BUILDKIT says 0 (as the docker CLI decides); and holds the HTTP client
/// those builds use.
/// </summary>
internal sealed class BuilderSelection(DockerClient client, EngineEndpoint? endpoint, Func<string, string?> environment) : IDisposable
{
    private static readonly Version MinimumApi = new(1, 39);
    private readonly SemaphoreSlim gate = new(1, 1);
    private BuilderInfo? info;
    private string apiVersion = "1.41";
    private HttpClient? http;

    public async Task<BuilderInfo> InfoAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (info is not null)
            {
                return info;
            }

            var version = await client.System.GetVersionAsync(cancellationToken);
            var platform = $"{version.Os}/{version.Arch}";
            apiVersion = version.APIVersion;
            var requested = environment("DOCKER_BUILDKIT");
            string? reason = null;
            if (requested is not null && IsOff(requested))
            {
                reason = "DOCKER_BUILDKIT=" + requested;
            }
            else if (string.Equals(version.Os, "windows", StringComparison.OrdinalIgnoreCase))
            {
                reason = "a Windows engine has no BuildKit";
            }
            else if (!System.Version.TryParse(version.APIVersion, out var api) || api < MinimumApi)
            {
                reason = $"engine API {version.APIVersion} is older than 1.39";
            }
            else if (endpoint is null || (http ??= EngineHttp.Create(endpoint)) is null)
            {
                reason = $"the endpoint {endpoint?.Host} cannot carry a BuildKit build";
            }

            return info = new BuilderInfo(reason is null, platform, reason);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The BuildKit builder; only after <see cref="InfoAsync"/> said BuildKit.</summary>
    public BuildKitBuilder BuildKit(DockerApi.EngineCalls calls) =>
        new(http ?? throw new InvalidOperationException("BuildKit was not selected"), apiVersion, calls);

    public void Dispose()
    {
        http?.Dispose();
        gate.Dispose();
    }

    private static bool IsOff(string value) =>
        value.Trim() is "0" || value.Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
}
