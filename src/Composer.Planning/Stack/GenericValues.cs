using System.Globalization;
using Composer.Model;

namespace Composer.Planning.Stack;

/// <summary>
/// Reads the parts of <c>deploy</c> the model keeps generic (placement, update_config, endpoint_mode...). The loader
/// validated them against the schema, so a value of the wrong shape is a bug upstream and reads as absent.
/// </summary>
internal static class GenericValues
{
    public static IReadOnlyDictionary<string, object?>? Map(Extensions extensions, string key) =>
        extensions.Values.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object?> : null;

    public static IReadOnlyDictionary<string, object?>? Map(IReadOnlyDictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object?> : null;

    public static string? String(IReadOnlyDictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value switch
        {
            null => null,
            string text => text,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } : null;

    public static long? Long(IReadOnlyDictionary<string, object?>? map, string key) => map is not null && map.TryGetValue(key, out var value)
        ? value switch
        {
            long number => number,
            int number => number,
            double number => (long)number,
            string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;

    public static double? Double(IReadOnlyDictionary<string, object?>? map, string key) => map is not null && map.TryGetValue(key, out var value)
        ? value switch
        {
            double number => number,
            long number => number,
            int number => number,
            string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;

    public static IReadOnlyList<object?> List(IReadOnlyDictionary<string, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && value is IReadOnlyList<object?> list ? list : [];

    /// <summary>A compose duration ("1m30s", "500ms", "10s") or a bare number of seconds; null when absent or malformed.</summary>
    public static TimeSpan? Duration(IReadOnlyDictionary<string, object?>? map, string key)
    {
        var text = String(map, key);
        return text is null ? null : DurationText(text);
    }

    public static TimeSpan? DurationText(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var total = TimeSpan.Zero;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            if (start == position || !double.TryParse(text[start..position], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]))
            {
                position++;
            }

            total += text[unitStart..position] switch
            {
                "ns" => TimeSpan.FromTicks((long)(amount / 100)),
                "us" or "µs" => TimeSpan.FromTicks((long)(amount * 10)),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
            {
                return null;
            }
        }

        return total;
    }
}
