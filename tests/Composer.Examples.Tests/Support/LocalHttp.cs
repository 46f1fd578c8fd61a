using System.Net.Http;

namespace Composer.Examples.Tests.Support;

/// <summary>Requests to ports the examples publish on 127.0.0.1 (the only host address tests may talk to).</summary>
internal static class LocalHttp
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(15) };

    public static async Task<string> GetAsync(int port, string pathAndQuery)
    {
        var (succeeded, body) = await SendAsync(port, pathAndQuery);
        Assert.True(succeeded, $"GET 127.0.0.1:{port}{pathAndQuery}: {body}");
        return body;
    }

    /// <summary>
    /// Asks again and again (no fixed sleep) until the answer satisfies the condition, for what changes
    /// asynchronously: a server reloading edited code, replicas joining DNS.
    /// </summary>
    public static async Task<string> UntilAsync(int port, string pathAndQuery, Func<string, bool> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var (succeeded, body) = await SendAsync(port, pathAndQuery);
            last = body;
            if (succeeded && condition(body))
            {
                return body;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException($"{what}: not seen within {limit}; last answer: {last}");
    }

    private static async Task<(bool Succeeded, string Body)> SendAsync(int port, string pathAndQuery)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri($"http://127.0.0.1:{port}{pathAndQuery}"));
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? (true, body) : (false, $"HTTP {(int)response.StatusCode}: {body}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // Refused while the server starts, or too slow to answer: the caller decides whether to ask again.
            return (false, exception.Message);
        }
    }
}
