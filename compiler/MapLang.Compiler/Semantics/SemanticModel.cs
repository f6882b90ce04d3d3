using MapLang.Compiler.Binding;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Semantics;

/// <summary>What the compiler knows about one file: its tree, its diagnostics, and what each name in it refers to.</summary>
public sealed class SemanticModel(Compilation compilation, FileScope file, IReadOnlyList<SymbolReference> references)
{
    public Compilation Compilation { get; } = compilation;
    public FileScope File { get; } = file;
    public SyntaxTree Tree => File.Tree;
    public IReadOnlyList<SymbolReference> References { get; } = references;
    public IReadOnlyList<Diagnostic> Diagnostics => Compilation.GetDiagnostics(Tree.Path);

    /// <summary>The innermost reference whose span touches the position (a cursor just after a name still finds it).</summary>
    public SymbolReference? ReferenceAt(int position) =>
        References.Where(r => r.Span.Touches(position)).OrderBy(r => r.Span.Length).FirstOrDefault();
}
