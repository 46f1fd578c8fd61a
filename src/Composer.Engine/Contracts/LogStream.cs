namespace Composer.Engine.Contracts;

/// <summary>Which output of a container a log line came from.</summary>
public enum LogStream
{
    Stdout,
    Stderr,
}
