namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// One gRPC method served on the session: it reads the caller's messages from the call and writes its own, then
/// returns the status sent in the trailers. The token ends when the caller resets the stream or the session closes.
/// </summary>
internal delegate Task<GrpcStatus> GrpcMethod(GrpcCall call, CancellationToken cancellationToken);
