namespace Composer.Engine.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes; for things with no event to wait on (a port answering).</summary>
internal static class Conditions
{
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt, TimeSpan limit, string what)
        where T : class
    {
        using var deadline = new CancellationTokenSource(limit);
        Exception? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                if (await attempt() is { } value)
                {
                    return value;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
            {
                last = exception;
            }

            await Task.Yield();
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds}s: {last?.Message}");
    }
}
