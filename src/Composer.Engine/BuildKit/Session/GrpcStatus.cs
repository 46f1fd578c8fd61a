namespace Composer.Engine.BuildKit.Session;

/// <summary>How a gRPC call ended: 0 is OK, 5 NOT_FOUND, 12 UNIMPLEMENTED, 13 INTERNAL (grpc status codes).</summary>
internal readonly record struct GrpcStatus(int Code, string Message = "")
{
    public static GrpcStatus Ok => new(0);
}
