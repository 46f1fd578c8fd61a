namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// Decodes HPACK's Huffman-coded strings (RFC 7541 section 5.2, code in appendix B). The code is canonical: symbols
/// sorted by code length, then by value, take consecutive codes, so the table is just the length of each symbol's
/// code, from which the decoding tables are built once.
/// </summary>
internal static class HuffmanDecoder
{
    // The code length of symbols 0..255 and EOS (256), each as (char)('0' + length).
    private const string Lengths =
        "=GLLLLLLLHNLLNLLLLLLLLNLLLLLLLLL6::<=68;::8;8666555666666678?6<:=67777777777777777777777878=C=>6?56565666577666567655677777?;>=LDFDDFFFGFGGGGGHGHHFGHGGGGEFGFGGHFEDFFGGEGFFHEFGGEEFEGFGGDFFFGFFGJJDCFGFIJJJKKJHICEJKKJKHEEJJLKKKDHDEFEEGFFIIHHJGJKJJKKKKKLKKKKKJN";

    private const int MaxLength = 30;

    // Per code length: the first code of that length, how many there are, and where they start in Symbols.
    private static readonly int[] FirstCode = new int[MaxLength + 1];
    private static readonly int[] Count = new int[MaxLength + 1];
    private static readonly int[] Offset = new int[MaxLength + 1];
    private static readonly int[] Symbols;

    static HuffmanDecoder()
    {
        var lengths = Lengths.Select(c => c - '0').ToArray();
        Symbols = [.. Enumerable.Range(0, lengths.Length).OrderBy(symbol => lengths[symbol]).ThenBy(symbol => symbol)];
        foreach (var length in lengths)
        {
            Count[length]++;
        }

        var code = 0;
        var offset = 0;
        for (var length = 1; length <= MaxLength; length++)
        {
            FirstCode[length] = code;
            Offset[length] = offset;
            code = (code + Count[length]) << 1;
            offset += Count[length];
        }
    }

    public static byte[] Decode(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length * 8 / 5);
        int code = 0, length = 0;
        foreach (var current in data)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                code = (code << 1) | ((current >> bit) & 1);
                length++;
                var index = code - FirstCode[length];
                if (index >= 0 && index < Count[length])
                {
                    var symbol = Symbols[Offset[length] + index];
                    if (symbol == 256)
                    {
                        throw new FormatException("HPACK: EOS inside a Huffman string");
                    }

                    output.Add((byte)symbol);
                    code = 0;
                    length = 0;
                }
                else if (length == MaxLength)
                {
                    throw new FormatException("HPACK: invalid Huffman code");
                }
            }
        }

        // What is left must be padding: fewer than 8 bits, all ones (a prefix of EOS).
        if (length >= 8 || code != (1 << length) - 1)
        {
            throw new FormatException("HPACK: invalid Huffman padding");
        }

        return [.. output];
    }
}
