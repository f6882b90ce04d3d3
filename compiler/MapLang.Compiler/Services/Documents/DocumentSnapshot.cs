using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Documents;

/// <summary>An immutable version of an open document; its analysis is computed once, on first use, and shared by every request.</summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<DocumentAnalysis> _analysis;

    private readonly Func<string, DocumentAnalysis> _analyze;

    internal DocumentSnapshot(string path, int version, string text, Func<string, DocumentAnalysis> analyze)
    {
        _analyze = analyze;
        Path = path;
        Version = version;
        Text = new SourceText(path, text);
        _analysis = new Lazy<DocumentAnalysis>(() => analyze(text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }
    public int Version { get; }
    public SourceText Text { get; }
    public DocumentAnalysis Analysis => _analysis.Value;
    public bool IsAnalyzed => _analysis.IsValueCreated;

    /// <summary>
    /// An analysis good for completion and signature help at a position: the full one when it is ready, else one of the
    /// text with the other maps' bodies blanked (<see cref="FocusedText"/>), which binds only the map being edited.
    /// </summary>
    public DocumentAnalysis AnalysisNear(int position)
    {
        if (_analysis.IsValueCreated) return _analysis.Value;
        var focused = FocusedText.BlankOtherMaps(Text.Text, position);
        return focused is null ? _analysis.Value : _analyze(focused);
    }
}
