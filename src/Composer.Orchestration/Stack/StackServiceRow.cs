namespace Composer.Orchestration.Stack;

/// <summary>One line of <c>stack services</c>.</summary>
public sealed record StackServiceRow(string Id, string Name, string Mode, string Replicas, string Image, string Ports);
