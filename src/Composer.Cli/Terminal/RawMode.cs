namespace Composer.Cli.Terminal;

/// <summary>
/// Raw mode on a terminal for as long as the handle lives. The saved settings are put back on dispose and, should
/// the process end some other way, on exit: the user's shell must never be left without echo.
/// </summary>
internal sealed class RawMode : IDisposable
{
    private readonly int _fd;
    private readonly byte[] _saved;
    private int _restored;

    private RawMode(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
        AppDomain.CurrentDomain.ProcessExit += RestoreOnExit;
    }

    public static IDisposable Enter(int fd)
    {
        if (NativeTerminal.GetAttributes(fd) is not { } saved)
        {
            return new NoTerminalChange();
        }

        var mode = new RawMode(fd, saved);
        NativeTerminal.SetAttributes(fd, NativeTerminal.MakeRaw(saved));
        return mode;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= RestoreOnExit;
        Restore();
    }

    private void RestoreOnExit(object? sender, EventArgs e) => Restore();

    private void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) == 0)
        {
            NativeTerminal.SetAttributes(_fd, _saved);
        }
    }
}
