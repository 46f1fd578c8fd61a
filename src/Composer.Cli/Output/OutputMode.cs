namespace Composer.Cli.Output;

internal enum OutputMode
{
    Tty,
    Plain,
    Json,
    Quiet,
}
