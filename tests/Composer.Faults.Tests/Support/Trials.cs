namespace Composer.Faults.Tests.Support;

/// <summary>
/// How many trials of each kind: the short form CI runs, or what FAULT_TRIALS (kills), FAULT_ROUNDS (concurrency and
/// engine kills) and FAULT_COMMANDS (terminal commands) ask for (scripts/faults.sh). Random points come from
/// FAULT_SEED when given, so that a failing run can be repeated.
/// </summary>
internal static class Trials
{
    public static int Kills => Read("FAULT_TRIALS", 3);

    public static int Rounds => Read("FAULT_ROUNDS", 1);

    public static int Commands => Read("FAULT_COMMANDS", 4);

    public static Random Random { get; } = new(Read("FAULT_SEED", Environment.TickCount));

    private static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : fallback;
}
