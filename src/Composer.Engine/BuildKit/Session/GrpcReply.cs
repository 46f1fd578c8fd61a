namespace Composer.Engine.BuildKit.Session;

/// <summary>The answer to one unary gRPC call: a message, or a status code with a message (5 is NOT_FOUND).</summary>
internal sealed record GrpcReply(byte[]? Message, int Status = 0, string? Error = null)
{
    public static GrpcReply Ok(byte[] message) => new(message);

    public static GrpcReply Fail(int status, string error) => new(null, status, error);
}
