namespace Composer.Loader;

/// <summary>What the CLI's global options and the process give the loader. Nothing here reads global state itself.</summary>
public sealed record LoadOptions
{
    /// <summary><c>-f</c> values in order; "-" means standard input. Empty: COMPOSE_FILE, else discovery.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary><c>-p</c>.</summary>
    public string? ProjectName { get; init; }

    /// <summary><c>--project-directory</c>; default: the folder of the first compose file.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary><c>--env-file</c> values; empty means &lt;project dir&gt;/.env if it exists.</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    /// <summary><c>--profile</c> values (COMPOSE_PROFILES is read from the environment when this is empty).</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>
    /// Services named on the command line: naming a service enables it whatever its profiles, with the dependencies
    /// that share one of its profiles (a dependency behind another, inactive profile stays disabled and is an error).
    /// </summary>
    public IReadOnlyList<string> RequestedServices { get; init; } = [];

    /// <summary>The folder discovery starts from and relative <c>-f</c> paths resolve against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The process environment; it wins over .env files.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>False for <c>config --no-interpolate</c>.</summary>
    public bool Interpolate { get; init; } = true;

    /// <summary>
    /// False for <c>config --no-consistency</c>: the model is returned even when references are missing, a service has
    /// nothing to run or dependencies form a cycle. Schema and binding errors still fail the load.
    /// </summary>
    public bool CheckConsistency { get; init; } = true;

    /// <summary>Where "-" reads from.</summary>
    public TextReader? StandardInput { get; init; }
}
