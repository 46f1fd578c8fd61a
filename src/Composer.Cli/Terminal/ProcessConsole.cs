using System.Runtime.InteropServices;
using Composer.Engine.Contracts;
using Composer.Orchestration.Interactive;
using Microsoft.Win32.SafeHandles;

namespace Composer.Cli.Terminal;

/// <summary>
/// <see cref="IInteractiveConsole"/> on this process's stdin/stdout/stderr. Stdin is read straight from fd 0 rather
/// than through <see cref="Console"/>, whose own terminal handling would fight raw mode.
/// </summary>
internal sealed class ProcessConsole : IInteractiveConsole
{
    private const int StdinFd = 0;
    private const int StdoutFd = 1;

    public Stream Input { get; } = new FileStream(new SafeFileHandle(StdinFd, ownsHandle: false), FileAccess.Read, bufferSize: 0);

    public Stream Output { get; } = Console.OpenStandardOutput();

    public Stream Error { get; } = Console.OpenStandardError();

    public bool InputIsTerminal => !Console.IsInputRedirected;

    public TerminalSize? Size =>
        (NativeTerminal.WindowSize(StdoutFd) ?? NativeTerminal.WindowSize(StdinFd)) is { } size ? new TerminalSize(size.Rows, size.Columns) : null;

    public IDisposable EnterRawMode() => RawMode.Enter(StdinFd);

    public IDisposable WatchResize(Action resized) =>
        OperatingSystem.IsWindows() ? new NoTerminalChange() : PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => resized());
}
