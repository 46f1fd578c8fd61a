namespace Composer.Planning.Plans;

/// <summary>Operations in an order where each one comes after everything it depends on, plus warnings for the user.</summary>
public sealed record Plan
{
    public IReadOnlyList<Operation> Operations { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool IsEmpty => Operations.Count == 0;

    /// <summary>
    /// This plan, then <paramref name="next"/> with its ids moved past this plan's (a restart's stop and start plans,
    /// run's dependencies and one-off container); each operation of <paramref name="next"/> that waited for nothing
    /// also waits for <paramref name="nextWaitsFor"/> (ids in this plan).
    /// </summary>
    public Plan Then(Plan next, IReadOnlyList<int>? nextWaitsFor = null)
    {
        var offset = Operations.Count == 0 ? 0 : Operations.Max(operation => operation.Id);
        var moved = next.Operations.Select(operation => operation with
        {
            Id = operation.Id + offset,
            DependsOn = operation.DependsOn.Count == 0 && nextWaitsFor is { Count: > 0 }
                ? [.. nextWaitsFor.Order()]
                : [.. operation.DependsOn.Select(dependency => dependency + offset)],
        });
        return new Plan { Operations = [.. Operations, .. moved], Warnings = [.. Warnings, .. next.Warnings] };
    }

    /// <summary>One operation per line with its dependencies; warnings as <c>! text</c> lines at the end.</summary>
    public override string ToString()
    {
        var lines = Operations.Select(operation => operation.Describe())
            .Concat(Warnings.Select(warning => "! " + warning));
        return string.Join('\n', lines);
    }
}
