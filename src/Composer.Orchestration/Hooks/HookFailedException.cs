namespace Composer.Orchestration.Hooks;

/// <summary>A lifecycle hook failed; the message is one line naming the service, the hook and the end of its output.</summary>
public sealed class HookFailedException(string message) : Exception(message);
