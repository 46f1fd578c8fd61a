namespace Composer.Orchestration.Inspection;

/// <summary>A port, cp or wait request that cannot be served as asked (e.g. an unpublished port); one readable line.</summary>
public sealed class InspectionException(string message) : Exception(message);
