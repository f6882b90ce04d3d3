using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding;

/// <summary>Everything binding one file needs: its scope, the schemas, the functions and where to report.</summary>
public sealed class BindingContext(FileScope file, SchemaCatalog schemas, FunctionTable functions, DiagnosticBag diagnostics, List<SymbolReference> references)
{
    public FileScope File { get; } = file;
    public SchemaCatalog Schemas { get; } = schemas;
    public FunctionTable Functions { get; } = functions;
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public List<SymbolReference> References { get; } = references;
    public string FilePath => File.Tree.Path;

    /// <summary>The same context reporting into a bag nobody reads: for parts the parser already reported.</summary>
    public BindingContext Silent() => new(File, Schemas, Functions, new DiagnosticBag(Diagnostics.Text), References);

    /// <summary>"orders.map(12,5)": where a runtime mapping error points to.</summary>
    public string LocationOf(Text.TextSpan span)
    {
        var p = Diagnostics.Text.GetPosition(span.Start);
        return $"{System.IO.Path.GetFileName(FilePath)}({p.Line + 1},{p.Character + 1})";
    }
}
