using System.Text;
using Composer.Loader.Diagnostics;
using Composer.Loader.Limits;
using Composer.Loader.Tree;

namespace Composer.Loader.IO;

/// <summary>
/// Reads a whole text file of at most a given size, turning I/O failures and oversized files into a diagnostic that
/// names the file. Never reads more than the limit plus one byte, so <c>/dev/zero</c> or a huge file costs nothing.
/// The encoding is found as <see cref="File.ReadAllText(string)"/> finds it (a byte order mark, else UTF-8).
/// </summary>
internal static class TextFileReader
{
    private const int FirstBufferBytes = 64 << 10;

    public static async Task<string?> ReadAsync(string path, string purpose, int maxBytes, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = Open(path);
            var buffer = new byte[Math.Min(FirstBufferBytes, maxBytes + 1)];
            var length = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (!TryGrow(ref buffer, length, maxBytes))
                {
                    break;
                }
            }

            return Decode(buffer, length, path, purpose, maxBytes, diagnostics);
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            ReportReadFailure(path, purpose, exception, diagnostics);
            return null;
        }
    }

    /// <summary>The synchronous form, for stages that read files as they meet them (extends, service env_file).</summary>
    public static string? Read(string path, string purpose, int maxBytes, DiagnosticBag diagnostics)
    {
        try
        {
            using var stream = Open(path);
            var buffer = new byte[Math.Min(FirstBufferBytes, maxBytes + 1)];
            var length = 0;
            int read;
            while ((read = stream.Read(buffer.AsSpan(length))) > 0)
            {
                length += read;
                if (!TryGrow(ref buffer, length, maxBytes))
                {
                    break;
                }
            }

            return Decode(buffer, length, path, purpose, maxBytes, diagnostics);
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            ReportReadFailure(path, purpose, exception, diagnostics);
            return null;
        }
    }

    /// <summary>Standard input (<c>-f -</c>), bounded the same way in characters.</summary>
    public static async Task<string?> ReadAsync(TextReader reader, string displayName, string purpose, int maxCharacters, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var chunk = new char[Math.Min(FirstBufferBytes, maxCharacters + 1)];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory(0, Math.Min(chunk.Length, maxCharacters + 1 - text.Length)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > maxCharacters)
            {
                ReportTooLarge(text.ToString(0, maxCharacters), displayName, purpose, maxCharacters, diagnostics);
                return null;
            }
        }

        return text.ToString();
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);

    /// <summary>Makes room for more bytes; false once the limit has been passed (limit + 1 bytes held).</summary>
    private static bool TryGrow(ref byte[] buffer, int length, int maxBytes)
    {
        if (length > maxBytes)
        {
            return false;
        }

        if (length == buffer.Length)
        {
            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
        }

        return true;
    }

    private static string? Decode(byte[] buffer, int length, string path, string purpose, int maxBytes, DiagnosticBag diagnostics)
    {
        if (length > maxBytes)
        {
            // Located by the bytes read: decoding 32 MiB only to count lines would double the memory this costs.
            var head = buffer.AsSpan(0, maxBytes);
            var lastNewline = head.LastIndexOf((byte)'\n');
            var column = Encoding.UTF8.GetCharCount(head[(lastNewline + 1)..]) + 1;
            ReportTooLarge(new Mark(path, head.Count((byte)'\n') + 1, column), purpose, maxBytes, diagnostics);
            return null;
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Reports at the line and column where the limit was crossed.</summary>
    private static void ReportTooLarge(string head, string file, string purpose, int limit, DiagnosticBag diagnostics)
    {
        var lastNewline = head.LastIndexOf('\n');
        ReportTooLarge(new Mark(file, head.AsSpan().Count('\n') + 1, head.Length - lastNewline), purpose, limit, diagnostics);
    }

    private static void ReportTooLarge(Mark where, string purpose, int limit, DiagnosticBag diagnostics) =>
        diagnostics.Error(where, string.Empty, $"the {purpose} is larger than {InputLimits.Describe(limit)}, the most Composer reads from one file");

    private static bool IsReadFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static void ReportReadFailure(string path, string purpose, Exception exception, DiagnosticBag diagnostics)
    {
        var reason = exception is FileNotFoundException or DirectoryNotFoundException ? "not found" : exception.Message;
        diagnostics.Error(new Mark(path, 0, 0), string.Empty, $"cannot read {purpose} {path}: {reason}");
    }
}
