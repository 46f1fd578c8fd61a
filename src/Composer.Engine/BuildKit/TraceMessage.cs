namespace Composer.Engine.BuildKit;

/// <summary>
/// One <c>moby.buildkit.v1.StatusResponse</c>: what changed since the last one. A vertex is a build step (its
/// digest is its identity and it is sent again whenever it starts, ends or fails); a log is output of a step.
/// </summary>
internal sealed record TraceMessage(IReadOnlyList<TraceVertex> Vertexes, IReadOnlyList<TraceStatus> Statuses, IReadOnlyList<TraceLog> Logs);

/// <summary>A build step as BuildKit last described it; null times mean not started or not finished.</summary>
internal sealed record TraceVertex(string Digest, string Name, bool Cached, DateTimeOffset? Started, DateTimeOffset? Completed, string? Error);

/// <summary>Progress inside a step, e.g. bytes of a layer pulled or of the context transferred.</summary>
internal sealed record TraceStatus(string Id, string Vertex, long Current, long Total, DateTimeOffset? Completed);

/// <summary>Output of a step; stream 1 is stdout, 2 stderr.</summary>
internal sealed record TraceLog(string Vertex, DateTimeOffset? Timestamp, int Stream, byte[] Data);
