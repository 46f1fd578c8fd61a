using System.Globalization;

namespace Composer.Loader.Binding;

/// <summary>
/// Durations as the Compose Specification writes them: Go duration strings such as <c>1m30s</c>, <c>500ms</c> or
/// <c>1.5s</c> (units ns, us, ms, s, m, h). A bare number other than 0 has no unit and is rejected, like docker compose does.
/// </summary>
internal static class DurationText
{
    private const decimal TicksPerNanosecond = 0.01m;

    private static readonly Dictionary<string, decimal> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = TicksPerNanosecond,
        ["us"] = TimeSpan.TicksPerMicrosecond,
        ["µs"] = TimeSpan.TicksPerMicrosecond,
        ["μs"] = TimeSpan.TicksPerMicrosecond,
        ["ms"] = TimeSpan.TicksPerMillisecond,
        ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute,
        ["h"] = TimeSpan.TicksPerHour,
    };

    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = string.Empty;
        var rest = text.Trim();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest == "0")
        {
            return true;
        }

        if (rest.Length == 0)
        {
            error = $"invalid duration \"{text}\"";
            return false;
        }

        decimal ticks = 0;
        var position = 0;
        while (position < rest.Length)
        {
            var numberStart = position;
            while (position < rest.Length && (char.IsAsciiDigit(rest[position]) || rest[position] == '.'))
            {
                position++;
            }

            var unitStart = position;
            while (position < rest.Length && !char.IsAsciiDigit(rest[position]) && rest[position] != '.')
            {
                position++;
            }

            var numberText = rest[numberStart..unitStart];
            var unit = rest[unitStart..position];
            if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"invalid duration \"{text}\"";
                return false;
            }

            if (unit.Length == 0)
            {
                error = $"missing unit in duration \"{text}\" (for example \"{text}s\")";
                return false;
            }

            if (!TicksPerUnit.TryGetValue(unit, out var unitTicks))
            {
                error = $"unknown unit \"{unit}\" in duration \"{text}\" (use ns, us, ms, s, m or h)";
                return false;
            }

            try
            {
                ticks += amount * unitTicks;
            }
            catch (OverflowException)
            {
                ticks = decimal.MaxValue;
            }
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = $"duration \"{text}\" is too long";
            return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(negative ? -ticks : ticks));
        return true;
    }
}
