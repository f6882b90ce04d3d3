using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Symbols;

namespace MapLang.Compiler.Services.Navigation;

/// <summary>Every place in the compilation (the document and the files it imports) naming the same thing as the cursor.</summary>
public static class ReferenceService
{
    public static IReadOnlyList<EditorLocation> FindReferences(DocumentAnalysis analysis, int position, bool includeDeclaration)
    {
        if (analysis.Model.ReferenceAt(position) is not { } at) return [];
        var key = SymbolKey.Of(at);
        var declaration = at is SymbolUse { Symbol: IDeclaredSymbol d } ? (d.FilePath, d.NameSpan) : default;
        var result = new List<EditorLocation>();
        foreach (var tree in analysis.Compilation.SyntaxTrees)
        {
            var model = analysis.Compilation.GetSemanticModel(tree.Path);
            foreach (var reference in model.References)
            {
                if (!Equals(SymbolKey.Of(reference), key)) continue;
                if (!includeDeclaration && (tree.Path, reference.Span) == declaration) continue;
                result.Add(EditorLocation.In(tree.Text, reference.Span));
            }
        }
        return result.Distinct().OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Start).ToArray();
    }

    /// <summary>The references in this document only, with whether each one writes (declares or assigns).</summary>
    public static IReadOnlyList<(Text.TextSpan Span, bool IsWrite)> Highlights(DocumentAnalysis analysis, int position)
    {
        if (analysis.Model.ReferenceAt(position) is not { } at) return [];
        var key = SymbolKey.Of(at);
        return analysis.Model.References
            .Where(r => Equals(SymbolKey.Of(r), key))
            .Select(r => (r.Span, IsWrite: r is FieldUse { IsTarget: true } || r is SymbolUse { Symbol: IDeclaredSymbol d } && d.NameSpan == r.Span && d.FilePath == analysis.Path))
            .Distinct()
            .OrderBy(r => r.Span.Start)
            .ToArray();
    }
}
