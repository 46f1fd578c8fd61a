namespace Composer.Planning;

/// <summary>The request cannot be planned (unknown service, impossible scale...); the message is for the user.</summary>
public sealed class PlanningException(string message) : Exception(message);
