using System.Collections.Concurrent;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Documents;

/// <summary>
/// The open documents, as immutable versioned snapshots. Callers deliver edits in the order they were made
/// (the language server reads notifications in order); an edit for a version already superseded is ignored.
/// Open buffers override the disk for imports.
/// </summary>
public sealed class Workspace
{
    private readonly ConcurrentDictionary<string, DocumentSnapshot> _documents = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public ProjectOptions Projects { get; } = new();

    public IEnumerable<DocumentSnapshot> Documents => _documents.Values;

    public DocumentSnapshot Open(string path, string text, int version = 0)
    {
        path = System.IO.Path.GetFullPath(path);
        lock (_gate) return _documents[path] = Create(path, version, text);
    }

    /// <summary>Applies the changes that make <paramref name="version"/>; returns the newest snapshot, or null when the document is not open.</summary>
    public DocumentSnapshot? Change(string path, int version, IReadOnlyList<TextChange> changes)
    {
        path = System.IO.Path.GetFullPath(path);
        lock (_gate)
        {
            if (!_documents.TryGetValue(path, out var current)) return null;
            if (version <= current.Version && version != 0) return current;
            var source = current.Text;
            foreach (var change in changes) source = new SourceText(path, change.ApplyTo(source));
            return _documents[path] = Create(path, version, source.Text);
        }
    }

    /// <summary>A fresh snapshot of an open document (same text and version), for when a file it imports changed.</summary>
    public DocumentSnapshot? Refresh(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        lock (_gate)
        {
            if (!_documents.TryGetValue(path, out var current)) return null;
            return _documents[path] = Create(path, current.Version, current.Text.Text);
        }
    }

    /// <summary>The open documents other than <paramref name="path"/> whose last analysis read it (they import it).</summary>
    public IReadOnlyList<DocumentSnapshot> Importers(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        return _documents.Values
            .Where(d => d.Path != path && d.IsAnalyzed && d.Analysis.Compilation.SyntaxTrees.Any(t => t.Path == path))
            .ToArray();
    }

    public void Close(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        lock (_gate) _documents.TryRemove(path, out _);
    }

    public DocumentSnapshot? Get(string path) => _documents.GetValueOrDefault(System.IO.Path.GetFullPath(path));

    /// <summary>An open document's text, else the file's, else null.</summary>
    public string? ReadFile(string path)
    {
        if (_documents.TryGetValue(path, out var open)) return open.Text.Text;
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private DocumentSnapshot Create(string path, int version, string text) =>
        new(path, version, text, t => DocumentAnalysis.Create(path, t, Projects.For(path, ReadFile)));
}
