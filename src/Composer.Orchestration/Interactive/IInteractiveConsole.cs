using Composer.Engine.Contracts;

namespace Composer.Orchestration.Interactive;

/// <summary>
/// The local end of exec, run and attach: the process streams, and the terminal behind them when there is one. The
/// CLI implements it on the real console; tests can hand in plain streams.
/// </summary>
public interface IInteractiveConsole
{
    Stream Input { get; }
    Stream Output { get; }
    Stream Error { get; }

    /// <summary>True when stdin is a terminal, which is what makes a tty the default.</summary>
    bool InputIsTerminal { get; }

    /// <summary>The terminal's current size; null when there is no terminal.</summary>
    TerminalSize? Size { get; }

    /// <summary>Puts the terminal in raw mode until the returned handle is disposed.</summary>
    IDisposable EnterRawMode();

    /// <summary>Calls <paramref name="resized"/> whenever the terminal changes size, until the returned handle is disposed.</summary>
    IDisposable WatchResize(Action resized);
}
