namespace Composer.Engine.Contracts;

/// <summary>The engine's ps output for one container: column titles and one row of cells per process.</summary>
public sealed record ProcessTable(IReadOnlyList<string> Titles, IReadOnlyList<IReadOnlyList<string>> Processes);
