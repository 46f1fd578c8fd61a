namespace Composer.Planning.Plans;

/// <summary>Operations in an order where each one comes after everything it depends on, plus warnings for the user.</summary>
public sealed record Plan
{
    public IReadOnlyList<Operation> Operations { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool IsEmpty => Operations.Count == 0;

    /// <summary>One operation per line with its dependencies; warnings as <c>! text</c> lines at the end.</summary>
    public override string ToString()
    {
        var lines = Operations.Select(operation => operation.Describe())
            .Concat(Warnings.Select(warning => "! " + warning));
        return string.Join('\n', lines);
    }
}
