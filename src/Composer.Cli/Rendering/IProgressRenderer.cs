using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>A progress sink that owns a piece of the console until disposed (the live view must be closed).</summary>
internal interface IProgressRenderer : IProgressSink, IAsyncDisposable;
