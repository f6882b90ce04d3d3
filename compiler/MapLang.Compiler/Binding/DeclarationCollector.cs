using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

/// <summary>Declares the symbols of one file: its connectors, constants, tables and maps (their headers resolved against the schemas).</summary>
public static class DeclarationCollector
{
    public static void Collect(BindingContext context)
    {
        var file = context.File;
        foreach (var declaration in file.Tree.Root.Declarations)
        {
            switch (declaration)
            {
                case UseSyntax use when !use.System.IsMissing:
                    if (context.Schemas.FindSystem(use.System.Text) is not { } system)
                        EntityResolver.ReportUnknownSystem(use.System, context);
                    else if (!file.UsedSystems.Add(system.Name))
                        context.Diagnostics.Report(DiagnosticCatalog.DuplicateUse, use.Span, system.Name);
                    else
                        context.References.Add(new SystemUse(system, use.System.Span));
                    break;
                case ConstSyntax constant when !constant.Name.IsMissing:
                    Declare(context, file.Constants, new ConstantSymbol(constant.Name.Text, constant, file.Tree.Path), constant.Name);
                    break;
                case TableSyntax table when !table.Name.IsMissing:
                    var key = TypeOf(table.KeyType, context);
                    var value = TypeOf(table.ValueType, context);
                    Declare(context, file.Tables, new TableSymbol(table.Name.Text, key, value, table, file.Tree.Path), table.Name);
                    break;
            }
        }
    }

    /// <summary>Declares the maps once every file's connectors are known (map headers name them).</summary>
    public static MapSymbol? DeclareMap(BindingContext context, MapSyntax map)
    {
        var source = EntityResolver.Resolve(map.Source, context);
        var target = EntityResolver.Resolve(map.Target, context);
        var name = map.Name is { IsMissing: false } n ? n.Text : DefaultName(map);
        if (name.Length == 0) return null;
        var symbol = new MapSymbol(name, map.Name is { IsMissing: false }, source, target, map, context.FilePath);
        if (context.File.Maps.TryGetValue(name, out var existing))
        {
            var line = context.Diagnostics.Text.GetPosition(existing.NameSpan.Start).Line + 1;
            context.Diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, symbol.NameSpan,
                symbol.IsNamed ? name : $"{name} (the name of an unnamed map from {map.Source.Text} to {map.Target.Text})", $"line {line}");
            return symbol;
        }
        Declare(context, context.File.Maps, symbol, map.Name ?? (SyntaxNode)map.Source);
        return symbol;
    }

    /// <summary>An unnamed map is called after its entities: <c>Magento.Order -> M3.OIS100</c> is <c>OrderToOIS100</c>.</summary>
    public static string DefaultName(MapSyntax map)
    {
        static string Last(QualifiedNameSyntax q) => q.Parts.Count > 1 ? q.Parts[^1].Text : "";
        var source = Last(map.Source);
        var target = Last(map.Target);
        return source.Length == 0 || target.Length == 0 ? "" : $"{source}To{target}";
    }

    private static void Declare<T>(BindingContext context, Dictionary<string, T> scope, T symbol, SyntaxNode nameNode) where T : Symbol, IDeclaredSymbol
    {
        if (scope.TryGetValue(symbol.Name, out var existing))
        {
            var where = existing.FilePath == context.FilePath
                ? $"line {context.Diagnostics.Text.GetPosition(existing.NameSpan.Start).Line + 1}"
                : Path.GetFileName(existing.FilePath);
            context.Diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, nameNode.Span, symbol.Name, where);
            return;
        }
        scope[symbol.Name] = symbol;
        context.File.Declared.Add(symbol);
        context.References.Add(new SymbolUse(symbol, symbol.NameSpan));
    }

    /// <summary>The type a table or constant declares: string, int, decimal, bool, date or datetime (list&lt;…&gt; for constants).</summary>
    public static MapType TypeOf(TypeSyntax syntax, BindingContext context)
    {
        switch (syntax)
        {
            case ListTypeSyntax list:
                return MapType.ListOf(TypeOf(list.Element, context), list.IsNullable);
            case NamedTypeSyntax named:
                if (named.Name.IsMissing) return MapType.Error;
                MapType? type = named.Name.Text switch
                {
                    "string" => MapType.String with { MaxLength = named.Arguments.Count > 0 ? named.Arguments[0] : null },
                    "int" => MapType.Int,
                    "decimal" => MapType.Decimal,
                    "bool" => MapType.Bool,
                    "date" => MapType.Date,
                    "datetime" => MapType.DateTime,
                    _ => null,
                };
                if (type is null)
                {
                    context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownType, named.Name.Span,
                        Suggestions.Closest(named.Name.Text, ["string", "int", "decimal", "bool", "date", "datetime"]), named.Name.Text);
                    return MapType.Error;
                }
                return type.WithNullability(named.IsNullable);
            default:
                return MapType.Error;
        }
    }
}
