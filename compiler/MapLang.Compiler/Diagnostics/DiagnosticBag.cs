using MapLang.Compiler.Text;

namespace MapLang.Compiler.Diagnostics;

/// <summary>Collects the diagnostics of one file while a phase runs.</summary>
public sealed class DiagnosticBag(SourceText text)
{
    private readonly List<Diagnostic> _items = [];

    public SourceText Text { get; } = text;
    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.IsError);

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        _items.Add(Diagnostic.Create(descriptor, Text, span, null, args));

    public void ReportWithSuggestions(DiagnosticDescriptor descriptor, TextSpan span, IReadOnlyList<string> suggestions, params object?[] args) =>
        _items.Add(Diagnostic.Create(descriptor, Text, span, suggestions, args));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
}
