namespace Composer.Faults.Tests.Support;

/// <summary>What one trial left on the engine: resources doubled, resources that should not be there, and whether it converged.</summary>
internal sealed record Audit(int Duplicates, int Leftovers, bool Converged, string State);
