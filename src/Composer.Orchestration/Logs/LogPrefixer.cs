using System.Text;
using Composer.Model;

namespace Composer.Orchestration.Logs;

/// <summary>
/// Puts "label |" in front of lines, padded so the bars line up, with one colour per service. The width only ever
/// grows: a container joining later with a longer label widens the lines that follow it.
/// </summary>
internal sealed class LogPrefixer(bool prefix, bool colour)
{
    private const string Reset = "\u001b[0m";

    // Foreground colours that read on dark and light terminals, then their bright variants.
    private static readonly int[] Palette = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

    private readonly Dictionary<string, int> serviceColours = new(StringComparer.Ordinal);
    private int width;

    /// <summary>Makes room for a label before any of its lines are printed.</summary>
    public void Register(string service, string label)
    {
        width = Math.Max(width, label.Length);
        if (!serviceColours.ContainsKey(service))
        {
            serviceColours[service] = Palette[serviceColours.Count % Palette.Length];
        }
    }

    public string Format(string service, string label, string text)
    {
        if (!prefix)
        {
            return text;
        }

        Register(service, label);
        var line = new StringBuilder();
        if (colour)
        {
            line.Append("\u001b[").Append(serviceColours[service]).Append('m');
        }

        line.Append(label.PadRight(width)).Append(" |");
        if (colour)
        {
            line.Append(Reset);
        }

        return line.Append(' ').Append(text).ToString();
    }

    /// <summary>A line about the container rather than from it ("web-1 exited with code 0"): no bar, all in its colour.</summary>
    public string Notice(string service, string label, string text)
    {
        if (!prefix)
        {
            return text;
        }

        Register(service, label);
        return colour ? $"\u001b[{serviceColours[service]}m{label} {text}{Reset}" : $"{label} {text}";
    }

    /// <summary>
    /// docker compose style: the name without its project part for the project's own naming ("web-1", or "web_1" for a
    /// container --compatibility named), the container name when it was chosen by hand.
    /// </summary>
    public static string LabelFor(string projectName, string service, int number, string containerName)
    {
        foreach (var separator in (string[])[ComposeNames.Separator, ComposeNames.CompatibilitySeparator])
        {
            if (containerName == ComposeNames.Container(projectName, service, number, separator))
            {
                return containerName[(projectName.Length + separator.Length)..];
            }
        }

        return containerName;
    }
}
