using System.Diagnostics;
using Composer.Engine.Validation;
using Composer.Model;
using Composer.Orchestration.Progress;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Providers;

/// <summary>
/// Runs a provider service's tool for up or down as docker compose does, and reports it as the service's progress:
/// <c>info</c> lines are its status, <c>debug</c> lines are dropped, <c>setenv</c>/<c>rawsetenv</c> lines are
/// collected for the dependents, an <c>error</c> line or a non-zero exit fails the step with one line naming the
/// service.
/// </summary>
internal sealed class ProviderRunner(IPluginProcessRunner processes, IProgressSink progress)
{
    public const string Up = "up";
    public const string Down = "down";

    public async Task<ProviderVariables> RunAsync(Project project, Service service, string command, CancellationToken cancellationToken)
    {
        var provider = ServiceProvider.Of(service) ?? throw new ProviderFailedException($"service \"{service.Name}\": provider has no type");
        var (working, done) = command == Up ? ("Creating", "Created") : ("Removing", "Removed");
        var clock = Stopwatch.StartNew();
        progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, working, ProgressState.Working, TimeSpan.Zero));
        try
        {
            var variables = await RunToolAsync(project, service, provider, command, clock, cancellationToken);
            progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, done, ProgressState.Done, clock.Elapsed));
            return variables;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }
    }

    private async Task<ProviderVariables> RunToolAsync(Project project, Service service, ServiceProvider provider, string command, Stopwatch clock, CancellationToken cancellationToken)
    {
        var said = $"service \"{service.Name}\": provider {provider.Type}";
        var path = CliPlugins.FindProvider(provider.Type)
            ?? throw new ProviderFailedException($"service \"{service.Name}\": provider {CliPlugins.MissingProvider(provider.Type)}");
        var invocation = new PluginInvocation(path, ProviderCommandLine.Arguments(project, service, provider, command), ProviderCommandLine.Environment(project));
        var prefixed = new List<KeyValuePair<string, string>>();
        var raw = new List<KeyValuePair<string, string>>();
        string? failure = null;

        bool OnLine(string line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                return true;
            }

            if (ProviderMessages.Parse(line, out var problem) is not { } message)
            {
                failure = $"{said} {problem}";
                return false;
            }

            switch (message.Type)
            {
                case ProviderMessage.Error:
                    failure = $"{said}: {ProviderMessages.FirstLine(message.Message)}";
                    return false;
                case ProviderMessage.Info:
                    progress.Report(new ProgressEvent(ResourceKind.Service, service.Name, ProviderMessages.FirstLine(message.Message), ProgressState.Working, clock.Elapsed) { Milestone = true });
                    break;
                case ProviderMessage.SetEnv:
                    prefixed.Add(ProviderMessages.Variable(message));
                    break;
                case ProviderMessage.RawSetEnv:
                    raw.Add(ProviderMessages.Variable(message));
                    break;
            }

            return true;
        }

        PluginExit exit;
        try
        {
            exit = await processes.RunAsync(invocation, OnLine, cancellationToken);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            throw new ProviderFailedException($"{said}: {path} could not be started: {exception.Message}");
        }

        if (failure is not null)
        {
            throw new ProviderFailedException(failure);
        }

        if (exit.ExitCode != 0)
        {
            throw new ProviderFailedException($"{said}: {command} failed with exit code {exit.ExitCode}"
                + (exit.LastErrorLine is { } stderr ? ": " + stderr : ""));
        }

        return command == Up ? new ProviderVariables(prefixed, raw) : ProviderVariables.None;
    }
}
