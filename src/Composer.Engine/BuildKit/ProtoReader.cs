namespace Composer.Engine.BuildKit;

/// <summary>
/// Reads protobuf wire format field by field: just enough for BuildKit's status messages, with no generated code
/// (the release build is native AOT). Unknown fields are skipped, so newer engines that add fields still decode.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public int Field { get; private set; }

    public int WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (position >= data.Length)
        {
            return false;
        }

        var key = ReadVarint();
        Field = (int)(key >> 3);
        WireType = (int)(key & 7);
        if (Field == 0)
        {
            throw new FormatException("protobuf field number 0");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new FormatException("protobuf varint runs past the end");
            }

            var current = data[position++];
            value |= (ulong)(current & 0x7f) << shift;
            if ((current & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("protobuf varint longer than 10 bytes");
    }

    /// <summary>A length-delimited field: a string, bytes or an embedded message.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position))
        {
            throw new FormatException("protobuf length runs past the end");
        }

        var slice = data.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    public void Skip()
    {
        switch (WireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                ReadBytes();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new FormatException($"protobuf wire type {WireType} is not supported");
        }
    }

    private void Advance(int count)
    {
        if (count > data.Length - position)
        {
            throw new FormatException("protobuf field runs past the end");
        }

        position += count;
    }
}
