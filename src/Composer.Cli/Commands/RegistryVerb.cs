using Composer.Cli.Hosting;
using Composer.Engine.Registry;
using Composer.Model;
using Composer.Orchestration;

namespace Composer.Cli.Commands;

/// <summary>What pull and push share: load the project, check the named services, and hand over the registry logins.</summary>
internal static class RegistryVerb
{
    public static async Task<int> RunAsync(
        CommandInvocation invocation,
        IReadOnlyList<string> services,
        Func<OrchestrationContext, Project, RegistryCredentialStore, Task> verb,
        CancellationToken cancellationToken)
    {
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        await session.ReadyAsync();
        await verb(session.Orchestration, project, RegistryCredentialStore.FromEnvironment(invocation.Context.Environment));
        await session.CloseProgressAsync();
        return ExitCodes.Success;
    }
}
