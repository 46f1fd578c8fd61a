namespace Composer.Planning.Plans;

/// <summary>Hands out operation ids in insertion order, so the plan text follows the order the planner thinks in.</summary>
internal sealed class PlanBuilder
{
    private readonly List<Operation> operations = [];
    private readonly List<string> warnings = [];

    public int Add(Operation operation)
    {
        var id = operations.Count + 1;
        operations.Add(operation with { Id = id, DependsOn = [.. operation.DependsOn.Distinct().Order()] });
        return id;
    }

    public void Warn(string warning) => warnings.Add(warning);

    public Plan Build() => new() { Operations = operations, Warnings = warnings };
}
