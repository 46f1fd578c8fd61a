using System.Diagnostics;
using System.Text.Json;
using Composer.Engine.Contracts;

namespace Composer.Engine.Registry;

/// <summary>
/// Asks a docker-credential-NAME program for a registry's login (the credsStore / credHelpers protocol: the server
/// address on stdin, JSON {ServerURL, Username, Secret} on stdout). Its output is never logged: it holds the secret.
/// </summary>
internal static class CredentialHelper
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static RegistryCredentials? Get(string helper, string serverAddress, string? searchPath = null)
    {
        var start = new ProcessStartInfo(Locate("docker-credential-" + helper, searchPath), "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new EngineException($"credential helper docker-credential-{helper} did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new EngineException($"credential helper docker-credential-{helper} is not installed (named in docker's config.json)");
        }

        using (process)
        {
            process.StandardInput.Write(serverAddress);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill();
                throw new EngineException($"credential helper docker-credential-{helper} did not answer within {Limit.TotalSeconds}s");
            }

            if (process.ExitCode != 0)
            {
                // "credentials not found in native keychain" just means: no login for this registry.
                return null;
            }

            return Parse(output.Result, serverAddress, helper);
        }
    }

    // The program in the given PATH's folders; its bare name (found through this process's PATH) when none has it.
    private static string Locate(string program, string? searchPath) =>
        searchPath?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists) ?? program;

    private static RegistryCredentials? Parse(string json, string serverAddress, string helper)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var user = root.TryGetProperty("Username", out var u) ? u.GetString() : null;
            var secret = root.TryGetProperty("Secret", out var s) ? s.GetString() : null;
            if (string.IsNullOrEmpty(secret))
            {
                return null;
            }

            // The helpers' convention for an identity token instead of a password.
            return user == "<token>"
                ? new RegistryCredentials(serverAddress, null, null, secret)
                : new RegistryCredentials(serverAddress, user, secret, null);
        }
        catch (JsonException)
        {
            throw new EngineException($"credential helper docker-credential-{helper} answered something that is not JSON");
        }
    }
}
