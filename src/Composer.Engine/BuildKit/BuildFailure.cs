using System.Text;
using Composer.Engine.Contracts;

namespace Composer.Engine.BuildKit;

/// <summary>
/// The message of a failed BuildKit build: the service, the step and the engine's error on one line, then the
/// step's last output lines (the compiler error a user needs) indented under it.
/// </summary>
internal static class BuildFailure
{
    private const string GatewayPrefix = "failed to solve with frontend gateway.v0: ";
    private const string ResolveStep = "resolve image config for ";

    public static string Describe(string service, string error, (BuildStep Step, IReadOnlyList<string> Tail)? failure)
    {
        error = error.Trim();

        // A "# syntax=" line makes BuildKit pull its frontend image before anything else; say so in one line.
        var gateway = error.IndexOf(GatewayPrefix, StringComparison.Ordinal);
        if (gateway >= 0 || failure?.Step.Name.StartsWith(ResolveStep, StringComparison.Ordinal) == true)
        {
            var frontend = failure?.Step.Name.StartsWith(ResolveStep, StringComparison.Ordinal) == true
                ? failure.Value.Step.Name[ResolveStep.Length..]
                : "its frontend image";
            var reason = gateway >= 0 ? error[(gateway + GatewayPrefix.Length)..] : error;
            return $"service \"{service}\" failed to build: the Dockerfile's '# syntax=' line needs {frontend}, which could not be pulled: {reason}";
        }

        var text = new StringBuilder($"service \"{service}\" failed to build");
        if (failure is { } failed)
        {
            text.Append(" at ").Append(failed.Step.Name);
        }

        text.Append(": ").Append(error);
        if (failure is { Tail.Count: > 0 } withLines)
        {
            foreach (var line in withLines.Tail)
            {
                text.Append("\n  > ").Append(line);
            }
        }

        return text.ToString();
    }
}
