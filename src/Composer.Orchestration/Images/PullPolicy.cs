using System.Globalization;
using System.Text.RegularExpressions;

namespace Composer.Orchestration.Images;

/// <summary>A service's pull_policy, read from its text: always, missing, if_not_present, never, build, daily, weekly, every_&lt;duration&gt;.</summary>
public sealed partial record PullPolicy(PullPolicyKind Kind, TimeSpan? Interval = null)
{
    public static PullPolicy Missing { get; } = new(PullPolicyKind.Missing);

    /// <summary>Throws <see cref="FormatException"/> naming the service for a policy it does not know.</summary>
    public static PullPolicy Parse(string? text, string serviceName)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "missing" or "if_not_present":
                return Missing;
            case "always":
                return new PullPolicy(PullPolicyKind.Always);
            case "never":
                return new PullPolicy(PullPolicyKind.Never);
            case "build":
                return new PullPolicy(PullPolicyKind.Build);
            case "daily":
                return new PullPolicy(PullPolicyKind.Refresh, TimeSpan.FromDays(1));
            case "weekly":
                return new PullPolicy(PullPolicyKind.Refresh, TimeSpan.FromDays(7));
            case { } every when every.StartsWith("every_", StringComparison.Ordinal) && ParseInterval(every[6..]) is { } interval:
                return new PullPolicy(PullPolicyKind.Refresh, interval);
            default:
                throw new FormatException($"service \"{serviceName}\": pull_policy '{text}' is not one of always, missing, if_not_present, never, build, daily, weekly, every_<duration> (e.g. every_12h)");
        }
    }

    // A duration such as 12h, 2d, 1w, 1h30m, 90s; at least one part and nothing else.
    private static TimeSpan? ParseInterval(string text)
    {
        var parts = DurationPart().Matches(text);
        if (parts.Count == 0 || parts.Sum(part => part.Length) != text.Length)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "w" => TimeSpan.FromDays(7 * amount),
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.FromMilliseconds(amount),
            };
        }

        return total > TimeSpan.Zero ? total : null;
    }

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>ms|w|d|h|m|s)")]
    private static partial Regex DurationPart();
}
