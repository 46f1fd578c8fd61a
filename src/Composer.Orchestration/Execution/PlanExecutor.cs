using Composer.Planning.Plans;

namespace Composer.Orchestration.Execution;

/// <summary>
/// Runs a plan's operations as soon as what they depend on is done, at most <c>parallelLimit</c> engine calls at
/// once. Waiting for a dependency takes no slot: it makes no engine call worth bounding. After a failure nothing new
/// starts; what is running finishes, then every failure is reported.
/// </summary>
internal sealed class PlanExecutor(OperationRunner runner, int parallelLimit)
{
    public async Task ExecuteAsync(Plan plan, CancellationToken cancellationToken)
    {
        var operations = plan.Operations.ToDictionary(operation => operation.Id);
        var done = new HashSet<int>();
        var started = new HashSet<int>();
        var running = new Dictionary<Task, Operation>();
        var failures = new List<string>();
        using var slots = new SemaphoreSlim(Math.Max(1, parallelLimit));

        // Waits can last minutes; once something failed, their outcome no longer matters.
        using var abandonWaits = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        while (true)
        {
            if (failures.Count == 0)
            {
                foreach (var operation in plan.Operations)
                {
                    if (!started.Contains(operation.Id) && operation.DependsOn.All(dependency => done.Contains(dependency) || !operations.ContainsKey(dependency)))
                    {
                        started.Add(operation.Id);
                        running[RunAsync(operation, slots, abandonWaits.Token, cancellationToken)] = operation;
                    }
                }
            }

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(running.Keys);
            var finishedOperation = running[finished];
            running.Remove(finished);
            try
            {
                await finished;
                done.Add(finishedOperation.Id);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || abandonWaits.IsCancellationRequested)
            {
                // Cancelled by the caller (rethrown below) or a wait given up after another failure.
            }
            catch (Exception exception)
            {
                failures.Add(exception.Message);
                await abandonWaits.CancelAsync();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (failures.Count > 0)
        {
            throw new PlanExecutionException(failures);
        }
    }

    private async Task RunAsync(Operation operation, SemaphoreSlim slots, CancellationToken waitToken, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (operation.Kind == OperationKind.WaitForDependency)
        {
            await runner.RunAsync(operation, waitToken);
            return;
        }

        await slots.WaitAsync(cancellationToken);
        try
        {
            await runner.RunAsync(operation, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }
}
