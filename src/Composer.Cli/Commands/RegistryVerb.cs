using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Engine.Registry;
using Composer.Model;
using Composer.Orchestration;

using Composer.Orchestration.Images;

namespace Composer.Cli.Commands;

/// <summary>What pull and push share: load the project, check the named services, and hand over the registry logins.</summary>
internal static class RegistryVerb
{
    public static async Task<int> RunAsync(
        CommandInvocation invocation,
        IReadOnlyList<string> services,
        string stepName,
        Func<OrchestrationContext, Project, RegistryCredentialStore, bool, Task<IReadOnlyList<ServiceImage>>> verb,
        CancellationToken cancellationToken)
    {
        PlanFormat.IsJson(invocation);
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        await session.ReadyAsync();
        var dryRun = invocation.ParseResult.GetValue(GlobalOptions.DryRun);
        var images = await verb(session.Orchestration, project, RegistryCredentialStore.FromEnvironment(invocation.Context.Environment), dryRun);
        await session.CloseProgressAsync();
        if (dryRun)
        {
            var kind = stepName == "PushImage" ? Planning.Plans.OperationKind.PushImage : Planning.Plans.OperationKind.PullImage;
            PlanFormat.Write(invocation, ImagePlan.Of([.. images.Select(image => (image.Service, image.Image))], kind), project.Name,
                string.Concat(images.Select(image => $"{stepName} {image.Image} for {image.Service}\n")));
        }

        return ExitCodes.Success;
    }
}
