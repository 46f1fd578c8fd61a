namespace Composer.Engine.Contracts;

/// <summary>The builder an engine offers.</summary>
/// <param name="BuildKit">True when builds go through BuildKit.</param>
/// <param name="Platform">The engine's own platform, e.g. linux/amd64.</param>
/// <param name="ClassicReason">Why the classic builder is used, for messages that refuse BuildKit-only keys.</param>
public sealed record BuilderInfo(bool BuildKit, string Platform, string? ClassicReason = null);
