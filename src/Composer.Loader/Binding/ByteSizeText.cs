using System.Globalization;
using System.Text.RegularExpressions;

namespace Composer.Loader.Binding;

/// <summary>
/// Byte sizes such as <c>512m</c>, <c>1gb</c>, <c>2k</c> or <c>1.5g</c>. Units are binary (k = 1024) as the engine
/// reads them; a bare integer is a count of bytes and may be negative (memswap_limit: -1 means unlimited).
/// </summary>
internal static partial class ByteSizeText
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out bytes))
        {
            return true;
        }

        var match = SizePattern().Match(trimmed);
        if (!match.Success
            || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var multiplier = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "k" => 1L << 10,
            "m" => 1L << 20,
            "g" => 1L << 30,
            "t" => 1L << 40,
            "p" => 1L << 50,
            _ => 1L,
        };

        // Huge amounts overflow even decimal; they are as invalid as any size beyond a long.
        var total = amount > long.MaxValue ? decimal.MaxValue : amount * multiplier;
        if (total > long.MaxValue)
        {
            return false;
        }

        bytes = (long)decimal.Truncate(total);
        return true;
    }

    [GeneratedRegex(@"^(?<amount>[0-9]+(\.[0-9]+)?) ?(?<unit>[kKmMgGtTpP])?[iI]?[bB]?$")]
    private static partial Regex SizePattern();
}
