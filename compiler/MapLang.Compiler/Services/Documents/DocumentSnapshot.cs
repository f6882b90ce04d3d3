using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Documents;

/// <summary>An immutable version of an open document; its analysis is computed once, on first use, and shared by every request.</summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<DocumentAnalysis> _analysis;

    internal DocumentSnapshot(string path, int version, string text, Func<string, DocumentAnalysis> analyze)
    {
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
}
