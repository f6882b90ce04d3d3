using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Services.Outline;

/// <summary>The outline: connectors, imports, constants, tables and maps, with each map's lets and assignments.</summary>
public static class DocumentSymbolService
{
    public static IReadOnlyList<OutlineSymbol> GetSymbols(DocumentAnalysis analysis)
    {
        var result = new List<OutlineSymbol>();
        foreach (var declaration in analysis.Tree.Root.Declarations)
        {
            OutlineSymbol? symbol = declaration switch
            {
                UseSyntax u when !u.System.IsMissing => new(u.System.Text, "connector", OutlineKind.Connector, u.Span, u.System.Span, []),
                ImportSyntax i => new(i.Path.PlainValue, "import", OutlineKind.Import, i.Span, i.Path.Span, []),
                ConstSyntax c when !c.Name.IsMissing => new(c.Name.Text, SyntaxPrinter.Expression(c.Value), OutlineKind.Constant, c.Span, c.Name.Span, []),
                TableSyntax t when !t.Name.IsMissing => new(t.Name.Text, $"{SyntaxPrinter.Type(t.KeyType)} -> {SyntaxPrinter.Type(t.ValueType)}", OutlineKind.Table, t.Span, t.Name.Span, []),
                MapSyntax m => Map(m),
                _ => null,
            };
            if (symbol is not null) result.Add(symbol);
        }
        return result;
    }

    private static OutlineSymbol Map(MapSyntax map)
    {
        var children = new List<OutlineSymbol>();
        foreach (var member in map.Members)
        {
            switch (member)
            {
                case LetSyntax let when !let.Name.IsMissing:
                    children.Add(new OutlineSymbol(let.Name.Text, SyntaxPrinter.Expression(let.Value), OutlineKind.Local, let.Span, let.Name.Span, []));
                    break;
                case AssignmentSyntax a when !a.Field.IsMissing:
                    children.Add(new OutlineSymbol(a.Field.Text, SyntaxPrinter.Expression(a.Value), OutlineKind.Field, a.Span, a.Field.Span, []));
                    break;
                case RequireSyntax r:
                    children.Add(new OutlineSymbol("require", SyntaxPrinter.Expression(r.Message), OutlineKind.Require, r.Span, r.Span, []));
                    break;
            }
        }
        var header = $"{map.Source.Text} -> {map.Target.Text}";
        return new OutlineSymbol(map.Name?.Text ?? header, map.Name is null ? null : header, OutlineKind.Map, map.Span, map.Name?.Span ?? map.Source.Span, children);
    }
}
