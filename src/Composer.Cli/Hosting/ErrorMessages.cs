namespace Composer.Cli.Hosting;

/// <summary>Turns an exception no layer translated into one readable line.</summary>
internal static class ErrorMessages
{
    public static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            innermost = aggregate.InnerExceptions[0];
        }

        return innermost switch
        {
            UnauthorizedAccessException access => "permission denied: " + access.Message,
            IOException io => io.Message,
            _ => innermost.Message,
        };
    }
}
