namespace Composer.Orchestration.Inspection;

/// <summary>Where a copied tar is extracted: into Directory, its root entry renamed from SourceRoot to TargetRoot.</summary>
public sealed record CopyTarget(string Directory, string SourceRoot, string TargetRoot);
