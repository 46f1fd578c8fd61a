using Composer.Model;
using Composer.Planning.Stack;

namespace Composer.Orchestration.Stack;

/// <summary>
/// <c>stack deploy</c>: translate the project (refusing what a swarm cannot run, before anything is sent), observe the
/// stack, plan, then execute and (by default) wait until every service converged.
/// </summary>
public sealed class StackDeployService(OrchestrationContext context)
{
    /// <summary>The image builds and pushes of --build/--push, as --dry-run prints them before the plan.</summary>
    public static IReadOnlyList<string> ImageSteps(Project project, StackDeployRequest request) => StackImages.Steps(project, request);

    /// <summary>The plan that was (or, with --dry-run, would be) executed.</summary>
    public async Task<StackPlan> DeployAsync(Project project, StackDeployRequest request, CancellationToken cancellationToken)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var contents = await StackObjectContents.ReadAsync(project, cancellationToken);
        var desired = StackTranslator.Translate(project, contents, request.Build);
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        if (!request.DryRun)
        {
            // Built and pushed before anything of the stack changes, so a failed build or push leaves it as it was.
            await new StackImages(context).PrepareAsync(project, request, cancellationToken);
        }

        var observed = await StackObserver.ObserveAsync(swarm, project.Name, cancellationToken);
        desired = await PinImagesAsync(project, desired, observed, request, cancellationToken);
        var plan = StackPlanner.Plan(desired, observed, new StackDeployOptions { Prune = request.Prune, Wait = request.Wait });
        foreach (var warning in plan.Warnings)
        {
            context.Progress.Warn(warning);
        }

        if (request.DryRun)
        {
            return plan;
        }

        var waiter = new StackWaiter(swarm, context.Progress, project.Name, since);
        await new StackExecutor(swarm, context.Progress, waiter, request, observed).ExecuteAsync(plan, cancellationToken);
        if (request.Wait)
        {
            await waiter.WaitAsync([.. desired.Services.Select(service => service.Spec.Service)], request.WaitTimeout, cancellationToken);
        }

        return plan;
    }

    /// <summary>
    /// --resolve-image: the registry is asked (through the manager, all images at once) for the digests the plan pins.
    /// A dry run does not ask for images that --build/--push would publish first: they are not there yet.
    /// </summary>
    private async Task<DesiredStack> PinImagesAsync(Project project, DesiredStack desired, ObservedStack observed, StackDeployRequest request, CancellationToken cancellationToken)
    {
        var unpublished = request.DryRun && (request.Build || request.Push)
            ? StackImages.Published(project).ToHashSet(StringComparer.Ordinal)
            : [];
        var images = ImagePinning.ToResolve(desired, observed, request.ResolveImage).Where(image => !unpublished.Contains(image)).ToList();
        var answers = await Task.WhenAll(images.Select(image => context.Engine.Swarm.ResolveImageAsync(image, cancellationToken)));
        var resolved = images.Zip(answers).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        return ImagePinning.Apply(desired, observed, resolved);
    }
}
