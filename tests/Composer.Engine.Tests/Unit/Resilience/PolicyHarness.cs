using Composer.Engine.DockerApi;
using Composer.Engine.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Composer.Engine.Tests.Unit.Resilience;

/// <summary>Engine calls on a fake clock with pinned jitter, recording every retry notice.</summary>
internal sealed class PolicyHarness
{
    public static readonly RetrySettings Settings = new()
    {
        MaxAttempts = 5,
        BaseDelay = TimeSpan.FromSeconds(1),
        QueryAttemptTimeout = TimeSpan.FromSeconds(30),
        QueryTotalTimeout = TimeSpan.FromMinutes(5),
        ChangeAttemptTimeout = TimeSpan.FromMinutes(2),
        Randomizer = () => 0.5,
    };

    public PolicyHarness()
    {
        Calls = new EngineCalls(EnginePolicies.Create(Settings, Time, Notices.Add), "unix:///test.sock");
    }

    public FakeTimeProvider Time { get; } = new();
    public List<RetryNotice> Notices { get; } = [];
    public EngineCalls Calls { get; }

    /// <summary>The engine has answered once, as after the first ping of a command.</summary>
    public Task EngineAnsweredAsync() => Calls.QueryAsync("ping the engine", _ => Task.CompletedTask, CancellationToken.None);

    /// <summary>Moves the fake clock on in steps until the call ends (or the step budget runs out).</summary>
    public async Task<Task> DriveAsync(Task call, TimeSpan step, int steps = 1000)
    {
        for (var i = 0; i < steps && !call.IsCompleted; i++)
        {
            Time.Advance(step);
            await Task.Delay(1);
        }

        return call;
    }
}
