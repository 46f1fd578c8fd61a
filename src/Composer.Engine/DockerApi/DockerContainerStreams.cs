using Composer.Engine.Contracts;
using Docker.DotNet;

namespace Composer.Engine.DockerApi;

// Empty until its calls land; the parameters are read then.
#pragma warning disable CS9113

/// <summary><see cref="IContainerStreams"/> on Docker.DotNet, through the shared retry pipeline and error translation.</summary>
internal sealed class DockerContainerStreams(DockerClient client, EngineCalls calls) : IContainerStreams
{
}
