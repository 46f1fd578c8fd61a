namespace Composer.Engine.BuildKit;

/// <summary>Writes protobuf wire format: the few field kinds the session's gRPC answers need.</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream buffer = new();

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Varint(((ulong)field << 3) | 2);
        Varint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

    public ProtoWriter Number(int field, ulong value)
    {
        Varint((ulong)field << 3);
        Varint(value);
        return this;
    }

    public byte[] ToArray() => buffer.ToArray();

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }
}
