namespace Composer.Cli;

/// <summary>A command line that parses but asks for something impossible; reported in one line with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
