using System.Text;

namespace Composer.Cli.Output;

/// <summary>Left-aligned columns separated by three spaces, like the docker CLI's tables (stdout data, no colour).</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var allRows = new List<IReadOnlyList<string>> { headers };
        allRows.AddRange(rows);
        var widths = new int[headers.Count];
        foreach (var row in allRows)
        {
            for (var column = 0; column < widths.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        var builder = new StringBuilder();
        foreach (var row in allRows)
        {
            for (var column = 0; column < widths.Length; column++)
            {
                var cell = row[column];
                builder.Append(column == widths.Length - 1 ? cell : cell.PadRight(widths[column] + 3));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
