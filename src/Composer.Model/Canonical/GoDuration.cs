using System.Globalization;
using System.Text;

namespace Composer.Model;

/// <summary>Durations in the canonical form: Go duration strings, as docker compose config prints them.</summary>
public static class GoDuration
{
    /// <summary>Formats like Go's time.Duration.String, which is what docker compose config prints: 1h0m0s, 1m30s, 1.5s, 500ms.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        var ticks = duration.Ticks;
        if (ticks < 0)
        {
            builder.Append('-');
            ticks = -ticks;
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            var nanoseconds = (decimal)ticks * 100;
            if (nanoseconds < 1_000)
            {
                return builder.Append(Number(nanoseconds)).Append("ns").ToString();
            }

            if (nanoseconds < 1_000_000)
            {
                return builder.Append(Number(nanoseconds / 1_000)).Append("µs").ToString();
            }

            return builder.Append(Number(nanoseconds / 1_000_000)).Append("ms").ToString();
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var seconds = (decimal)(ticks % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return builder.Append(Number(seconds)).Append('s').ToString();
    }

    private static string Number(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);
}
