using System.Runtime.InteropServices;

namespace Composer.Cli.Terminal;

/// <summary>
/// The few libc terminal calls .NET does not offer: raw mode (tcgetattr/cfmakeraw/tcsetattr) and the window size
/// (TIOCGWINSZ). The termios struct is kept opaque in a buffer larger than any libc's.
/// </summary>
internal static class NativeTerminal
{
    private const int TermiosBufferSize = 256;
    private const int TcsaNow = 0;
    private const ulong TiocGetWindowSize = 0x5413;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The current settings of <paramref name="fd"/>, or null when it is not a terminal.</summary>
    public static byte[]? GetAttributes(int fd)
    {
        var settings = new byte[TermiosBufferSize];
        return IsSupported && tcgetattr(fd, settings) == 0 ? settings : null;
    }

    public static void SetAttributes(int fd, byte[] settings) => _ = tcsetattr(fd, TcsaNow, settings);

    public static byte[] MakeRaw(byte[] settings)
    {
        var raw = (byte[])settings.Clone();
        cfmakeraw(raw);
        return raw;
    }

    /// <summary>Rows and columns of the terminal on <paramref name="fd"/>, or null.</summary>
    public static (int Rows, int Columns)? WindowSize(int fd)
    {
        if (!IsSupported)
        {
            return null;
        }

        var size = new WindowSizeBuffer();
        return ioctl(fd, TiocGetWindowSize, ref size) == 0 && size.Rows > 0 && size.Columns > 0 ? (size.Rows, size.Columns) : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct WindowSizeBuffer
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int tcgetattr(int fd, [In, Out] byte[] termios);

    [DllImport("libc", SetLastError = true)]
    private static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc")]
    private static extern void cfmakeraw([In, Out] byte[] termios);

    [DllImport("libc", SetLastError = true)]
    private static extern int ioctl(int fd, ulong request, ref WindowSizeBuffer size);
}
