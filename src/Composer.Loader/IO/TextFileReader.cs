using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;

namespace Composer.Loader.IO;

/// <summary>Reads a whole text file, turning I/O failures into a diagnostic that names the file.</summary>
internal static class TextFileReader
{
    public static async Task<string?> ReadAsync(string path, string purpose, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = exception is FileNotFoundException or DirectoryNotFoundException ? "not found" : exception.Message;
            diagnostics.Error(new Mark(path, 0, 0), string.Empty, $"cannot read {purpose} {path}: {reason}");
            return null;
        }
    }
}
