namespace Composer.Engine.Contracts;

/// <summary>Interactive streams into containers: exec, attach, and the one-off containers of run (stdin, tty, resize).</summary>
public interface IContainerStreams
{
}
