namespace Composer.Engine.BuildKit.Session;

/// <summary>The answer to one unary gRPC call: a message, or a status code with a message (5 is NOT_FOUND).</summary>
internal sealed record GrpcReply(byte[]? Message, int Status = 0, string? Error = null)
{
    public static GrpcReply Ok(byte[] message) => new(message);

    public static GrpcReply Fail(int status, string error) => new(null, status, error);

    /// <summary>A unary method (one request, one answer) as a <see cref="GrpcMethod"/>.</summary>
    public static GrpcMethod Unary(Func<byte[], GrpcReply> answer) => async (call, cancellationToken) =>
    {
        var request = await call.ReadMessageAsync(cancellationToken);
        if (request is null)
        {
            return new GrpcStatus(13, "the call ended without its request message");
        }

        var reply = answer(request);
        if (reply.Message is { } message)
        {
            await call.WriteMessageAsync(message, cancellationToken);
        }

        return new GrpcStatus(reply.Status, reply.Error ?? "");
    };
}
