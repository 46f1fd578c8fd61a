using System.Text;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// Decodes HPACK header blocks (RFC 7541): indexed fields, literals with and without indexing, dynamic table size
/// updates, Huffman-coded strings. One decoder per connection: its dynamic table lives as long as the connection.
/// </summary>
internal sealed class HpackDecoder
{
    private static readonly (string Name, string Value)[] StaticTable =
    [
        (":authority", ""), (":method", "GET"), (":method", "POST"), (":path", "/"), (":path", "/index.html"),
        (":scheme", "http"), (":scheme", "https"), (":status", "200"), (":status", "204"), (":status", "206"),
        (":status", "304"), (":status", "400"), (":status", "404"), (":status", "500"), ("accept-charset", ""),
        ("accept-encoding", "gzip, deflate"), ("accept-language", ""), ("accept-ranges", ""), ("accept", ""),
        ("access-control-allow-origin", ""), ("age", ""), ("allow", ""), ("authorization", ""), ("cache-control", ""),
        ("content-disposition", ""), ("content-encoding", ""), ("content-language", ""), ("content-length", ""),
        ("content-location", ""), ("content-range", ""), ("content-type", ""), ("cookie", ""), ("date", ""),
        ("etag", ""), ("expect", ""), ("expires", ""), ("from", ""), ("host", ""), ("if-match", ""),
        ("if-modified-since", ""), ("if-none-match", ""), ("if-range", ""), ("if-unmodified-since", ""),
        ("last-modified", ""), ("link", ""), ("location", ""), ("max-forwards", ""), ("proxy-authenticate", ""),
        ("proxy-authorization", ""), ("range", ""), ("referer", ""), ("refresh", ""), ("retry-after", ""),
        ("server", ""), ("set-cookie", ""), ("strict-transport-security", ""), ("transfer-encoding", ""),
        ("user-agent", ""), ("vary", ""), ("via", ""), ("www-authenticate", ""),
    ];

    // Newest first, as HPACK numbers them.
    private readonly LinkedList<(string Name, string Value)> dynamic = new();
    private int dynamicSize;
    private int maxSize = 4096;

    public List<(string Name, string Value)> Decode(ReadOnlySpan<byte> block)
    {
        var headers = new List<(string, string)>();
        var position = 0;
        while (position < block.Length)
        {
            var first = block[position];
            if ((first & 0x80) != 0)
            {
                headers.Add(Entry((int)Integer(block, ref position, 7)));
            }
            else if ((first & 0xc0) == 0x40)
            {
                var field = Literal(block, ref position, 6);
                Add(field);
                headers.Add(field);
            }
            else if ((first & 0xe0) == 0x20)
            {
                maxSize = (int)Integer(block, ref position, 5);
                Evict();
            }
            else
            {
                // Without indexing (0000) or never indexed (0001): not added to the table.
                headers.Add(Literal(block, ref position, 4));
            }
        }

        return headers;
    }

    private (string Name, string Value) Literal(ReadOnlySpan<byte> block, ref int position, int prefix)
    {
        var index = (int)Integer(block, ref position, prefix);
        var name = index == 0 ? String(block, ref position) : Entry(index).Name;
        return (name, String(block, ref position));
    }

    private (string Name, string Value) Entry(int index)
    {
        if (index >= 1 && index <= StaticTable.Length)
        {
            return StaticTable[index - 1];
        }

        var dynamicIndex = index - StaticTable.Length - 1;
        if (index < 1 || dynamicIndex >= dynamic.Count)
        {
            throw new FormatException($"HPACK: no table entry {index}");
        }

        return dynamic.ElementAt(dynamicIndex);
    }

    private void Add((string Name, string Value) field)
    {
        dynamic.AddFirst(field);
        dynamicSize += Size(field);
        Evict();
    }

    private void Evict()
    {
        while (dynamicSize > maxSize && dynamic.Last is { } oldest)
        {
            dynamicSize -= Size(oldest.Value);
            dynamic.RemoveLast();
        }
    }

    private static int Size((string Name, string Value) field) =>
        32 + Encoding.UTF8.GetByteCount(field.Name) + Encoding.UTF8.GetByteCount(field.Value);

    private static string String(ReadOnlySpan<byte> block, ref int position)
    {
        if (position >= block.Length)
        {
            throw new FormatException("HPACK: string runs past the end");
        }

        var huffman = (block[position] & 0x80) != 0;
        var length = (int)Integer(block, ref position, 7);
        if (length > block.Length - position)
        {
            throw new FormatException("HPACK: string runs past the end");
        }

        var raw = block.Slice(position, length);
        position += length;
        return Encoding.UTF8.GetString(huffman ? HuffmanDecoder.Decode(raw) : raw);
    }

    /// <summary>An HPACK integer with an N-bit prefix (RFC 7541 section 5.1).</summary>
    public static long Integer(ReadOnlySpan<byte> block, ref int position, int prefix)
    {
        if (position >= block.Length)
        {
            throw new FormatException("HPACK: integer runs past the end");
        }

        var mask = (1 << prefix) - 1;
        long value = block[position++] & mask;
        if (value < mask)
        {
            return value;
        }

        for (var shift = 0; shift < 56; shift += 7)
        {
            if (position >= block.Length)
            {
                throw new FormatException("HPACK: integer runs past the end");
            }

            var current = block[position++];
            value += (long)(current & 0x7f) << shift;
            if ((current & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("HPACK: integer too long");
    }
}
