using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Navigation;

/// <summary>Where a name is declared: a let, constant, table or map (in this file or an imported one), an imported file, or a connector schema file.</summary>
public static class DefinitionService
{
    public static IReadOnlyList<EditorLocation> GetDefinition(DocumentAnalysis analysis, int position)
    {
        foreach (var import in analysis.Tree.Root.Declarations.OfType<ImportSyntax>())
        {
            if (!import.Path.Span.Touches(position) || import.Path.PlainValue.Length == 0) continue;
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(analysis.Path) ?? ".", import.Path.PlainValue));
            return [new EditorLocation(target, default, default, default)];
        }

        var location = analysis.Model.ReferenceAt(position) switch
        {
            SymbolUse { Symbol: IDeclaredSymbol declared } => Declared(analysis, declared),
            FieldUse f => SchemaFiles.Locate(f.Field.Location),
            EntityUse e => SchemaFiles.Locate(e.Entity.Location),
            SystemUse s => s.System.Entities.Values.Select(e => e.Location).FirstOrDefault(l => l is not null) is { } first
                ? SchemaFiles.Locate(first with { Start = 0, Length = 0, Line = 1, Column = 1 }) : null,
            _ => null,
        };
        return location is null ? [] : [location];
    }

    internal static EditorLocation? Declared(DocumentAnalysis analysis, IDeclaredSymbol symbol)
    {
        var text = analysis.Compilation.GetFileScope(symbol.FilePath)?.Tree.Text;
        return text is null ? null : EditorLocation.In(text, symbol.NameSpan);
    }
}
