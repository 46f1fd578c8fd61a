using System.Text;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// Encodes response headers as HPACK literals without indexing and without Huffman coding: valid for any decoder
/// and stateless, which is all a handful of gRPC answers need.
/// </summary>
internal static class HpackEncoder
{
    public static byte[] Encode(IEnumerable<(string Name, string Value)> headers)
    {
        var output = new MemoryStream();
        foreach (var (name, value) in headers)
        {
            output.WriteByte(0x00);
            String(output, name);
            String(output, value);
        }

        return output.ToArray();
    }

    private static void String(MemoryStream output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Integer(output, bytes.Length, 7, 0x00);
        output.Write(bytes);
    }

    private static void Integer(MemoryStream output, int value, int prefix, byte flags)
    {
        var mask = (1 << prefix) - 1;
        if (value < mask)
        {
            output.WriteByte((byte)(flags | value));
            return;
        }

        output.WriteByte((byte)(flags | mask));
        value -= mask;
        while (value >= 0x80)
        {
            output.WriteByte((byte)((value & 0x7f) | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }
}
