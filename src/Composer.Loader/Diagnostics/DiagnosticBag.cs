namespace Composer.Loader.Diagnostics;

/// <summary>Collects the diagnostics of one load so that all errors of a file are reported together.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly object _gate = new();

    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToArray();
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _items.Exists(item => item.Severity == DiagnosticSeverity.Error);
            }
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        lock (_gate)
        {
            _items.Add(diagnostic);
        }
    }

    public void Error(Tree.Mark mark, string path, string message) => Add(new Diagnostic(mark, path, message));

    public void Warning(Tree.Mark mark, string path, string message) => Add(new Diagnostic(mark, path, message, DiagnosticSeverity.Warning));

    /// <summary>Throws <see cref="LoadException"/> with every error so far, if there is one.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new LoadException(Items.Where(item => item.Severity == DiagnosticSeverity.Error).ToArray());
        }
    }
}
