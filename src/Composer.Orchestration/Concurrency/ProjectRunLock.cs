using System.Security.Cryptography;
using System.Text;

namespace Composer.Orchestration.Concurrency;

/// <summary>
/// Lets one run at a time change a project on an engine from this machine: two <c>up</c> (or an <c>up</c> and a
/// <c>down</c>) started together would otherwise both see a network or container missing and both create it. The
/// second run waits, then observes what the first made and converges on it. The lock is a file lock, so a killed
/// run releases it with its process. Runs from other machines or tools are not covered by it: the engine calls
/// themselves adopt what a concurrent run created (see <c>CreateNetworkAsync</c> and <see cref="Execution.ContainerCreator"/>).
/// </summary>
internal sealed class ProjectRunLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream? _file;

    private ProjectRunLock(FileStream? file) => _file = file;

    public static async Task<ProjectRunLock> AcquireAsync(string endpoint, string projectName, Action<string> waiting, CancellationToken cancellationToken)
    {
        var path = LockPath(endpoint, projectName);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ProjectRunLock(null);
        }

        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix; it goes away with the process, however it ends.
                return new ProjectRunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's lock file: runs of different users are not serialized, the engine calls still converge.
                return new ProjectRunLock(null);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!told)
                {
                    waiting($"another composer run is changing project \"{projectName}\"; waiting for it to finish");
                    told = true;
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    /// <summary>One file per engine and project, under the temp folder.</summary>
    public static string LockPath(string endpoint, string projectName)
    {
        var engine = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)))[..12];
        return Path.Combine(Path.GetTempPath(), "composer-locks", $"{projectName}-{engine}.lock");
    }

    public void Dispose() => _file?.Dispose();
}
