namespace Composer.Engine.BuildKit;

/// <summary>
/// Decodes the base64 protobuf <c>StatusResponse</c> of a <c>moby.buildkit.trace</c> message (field numbers from
/// BuildKit's api/services/control/control.proto; google.protobuf.Timestamp is seconds=1, nanos=2).
/// </summary>
internal static class TraceDecoder
{
    public static TraceMessage DecodeBase64(string base64) => Decode(Convert.FromBase64String(base64));

    public static TraceMessage Decode(ReadOnlySpan<byte> data)
    {
        var vertexes = new List<TraceVertex>();
        var statuses = new List<TraceStatus>();
        var logs = new List<TraceLog>();
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1 when reader.WireType == 2:
                    vertexes.Add(Vertex(reader.ReadBytes()));
                    break;
                case 2 when reader.WireType == 2:
                    statuses.Add(Status(reader.ReadBytes()));
                    break;
                case 3 when reader.WireType == 2:
                    logs.Add(Log(reader.ReadBytes()));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new TraceMessage(vertexes, statuses, logs);
    }

    private static TraceVertex Vertex(ReadOnlySpan<byte> data)
    {
        string digest = "", name = "";
        string? error = null;
        var cached = false;
        DateTimeOffset? started = null, completed = null;
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 2): digest = reader.ReadString(); break;
                case (3, 2): name = reader.ReadString(); break;
                case (4, 0): cached = reader.ReadVarint() != 0; break;
                case (5, 2): started = Timestamp(reader.ReadBytes()); break;
                case (6, 2): completed = Timestamp(reader.ReadBytes()); break;
                case (7, 2): error = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }

        return new TraceVertex(digest, name, cached, started, completed, string.IsNullOrEmpty(error) ? null : error);
    }

    private static TraceStatus Status(ReadOnlySpan<byte> data)
    {
        string id = "", vertex = "";
        long current = 0, total = 0;
        DateTimeOffset? completed = null;
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 2): id = reader.ReadString(); break;
                case (2, 2): vertex = reader.ReadString(); break;
                case (4, 0): current = (long)reader.ReadVarint(); break;
                case (5, 0): total = (long)reader.ReadVarint(); break;
                case (8, 2): completed = Timestamp(reader.ReadBytes()); break;
                default: reader.Skip(); break;
            }
        }

        return new TraceStatus(id, vertex, current, total, completed);
    }

    private static TraceLog Log(ReadOnlySpan<byte> data)
    {
        var vertex = "";
        DateTimeOffset? timestamp = null;
        var stream = 0;
        byte[] message = [];
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 2): vertex = reader.ReadString(); break;
                case (2, 2): timestamp = Timestamp(reader.ReadBytes()); break;
                case (3, 0): stream = (int)reader.ReadVarint(); break;
                case (4, 2): message = reader.ReadBytes().ToArray(); break;
                default: reader.Skip(); break;
            }
        }

        return new TraceLog(vertex, timestamp, stream, message);
    }

    private static DateTimeOffset? Timestamp(ReadOnlySpan<byte> data)
    {
        long seconds = 0, nanos = 0;
        var reader = new ProtoReader(data);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 0): seconds = (long)reader.ReadVarint(); break;
                case (2, 0): nanos = (long)reader.ReadVarint(); break;
                default: reader.Skip(); break;
            }
        }

        // Go's zero time.Time marshals as year 1: treat anything before the epoch as "not set".
        return seconds <= 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(nanos / 100);
    }
}
