namespace Composer.Cli;

/// <summary>Exit codes shared by every command; 130 follows the shell convention for Ctrl-C.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}
