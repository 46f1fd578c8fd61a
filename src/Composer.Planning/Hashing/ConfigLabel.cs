using System.IO.Compression;
using System.Text;

namespace Composer.Planning.Hashing;

/// <summary>
/// The canonical form a container was created from (<see cref="ConfigHash.CanonicalText"/>), kept in Composer's own
/// label <see cref="Model.ComposeLabels.ComposerConfig"/> as deflated base64 (a few hundred bytes for a usual
/// service), so that the next plan can name what changed instead of saying only that the hash differs. Secrets are
/// only ever in it as digests.
/// </summary>
public static class ConfigLabel
{
    public static string Encode(string canonicalText)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize))
        {
            deflate.Write(Encoding.UTF8.GetBytes(canonicalText));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>Null when the label is missing or not one Composer wrote.</summary>
    public static string? Decode(string? label)
    {
        if (string.IsNullOrEmpty(label))
        {
            return null;
        }

        try
        {
            using var input = new DeflateStream(new MemoryStream(Convert.FromBase64String(label)), CompressionMode.Decompress);
            using var reader = new StreamReader(input, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException)
        {
            return null;
        }
    }
}
