using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Completion;

/// <summary>What an expression can name: the element of a list operation, lets, source fields, constants, tables, maps, functions, keywords.</summary>
internal static class ExpressionCompletions
{
    public static IEnumerable<CompletionItem> For(DocumentAnalysis analysis, MapContext? map, MapType? element, bool tableFirst, TextSpan replace)
    {
        if (element is { Kind: TypeKind.Record, Entity: { } elementEntity })
            foreach (var item in SourceFields(elementEntity, "0", replace)) yield return item;

        if (map is not null)
        {
            foreach (var let in map.Lets)
            {
                if (let.Name.Span.Touches(replace.Start)) continue;
                var type = analysis.Model.References.OfType<SymbolUse>().FirstOrDefault(r => r.Span == let.Name.Span)?.Symbol is LocalSymbol local && !local.Type.IsError
                    ? local.Type.Display : null;
                yield return new CompletionItem(let.Name.Text, CompletionKind.Local, type, $"`let {let.Name.Text}`" + (type is null ? "" : $": `{type}`"),
                    let.Name.Text, false, "0" + let.Name.Text, replace);
            }
            if (map.Source is { } source)
                foreach (var item in SourceFields(source, "1", replace)) yield return item;
        }

        var file = analysis.Model.File;
        foreach (var constant in file.Constants.Values)
            yield return new CompletionItem(constant.Name, CompletionKind.Constant, constant.Type.IsError ? null : constant.Type.Display,
                constant.Value is null ? null : $"`const {constant.Name} = {constant.Value}`", constant.Name, false, "2" + constant.Name, replace);
        foreach (var table in file.Tables.Values)
            yield return new CompletionItem(table.Name, CompletionKind.Table, $"table {table.KeyType.Display} -> {table.ValueType.Display}",
                $"{table.Rows.Count} rows. Look it up with `lookup({table.Name}, key)`.", table.Name, false, (tableFirst ? "0" : "2") + table.Name, replace);
        foreach (var m in file.Maps.Values.Where(m => m.IsNamed))
            yield return new CompletionItem(m.Name, CompletionKind.Map, $"map {m.Syntax.Source.Text} -> {m.Syntax.Target.Text}",
                $"Apply it with `{m.Name}(record)` or `list.map({m.Name})`.", m.Name, false, "3" + m.Name, replace);

        foreach (var function in Functions(analysis))
            yield return new CompletionItem(function.Name, CompletionKind.Function, function.Signature, function.Doc,
                Snippet(function), true, "4" + function.Name, replace);

        foreach (var keyword in KeywordCompletions.InExpression(replace)) yield return keyword;
    }

    public static IEnumerable<CompletionItem> SourceFields(EntitySchema entity, string rank, TextSpan replace) =>
        entity.SourceFields.Select(f => new CompletionItem(f.Name, CompletionKind.Field,
            FieldText.Detail(f, entity.System, asTarget: false), FieldText.Markdown(entity, f, asTarget: false), f.Name, false, rank + f.Name, replace));

    /// <summary>One entry per function name (overloads share their first signature), built-ins included.</summary>
    public static IEnumerable<FunctionSymbol> Functions(DocumentAnalysis analysis) =>
        BuiltIns.All.Concat(analysis.Compilation.Options.Functions.All)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(f => f.RequiredParameterCount).First());

    private static string Snippet(FunctionSymbol function)
    {
        var required = function.Parameters.Where(p => !p.IsOptional).Select((p, i) => $"${{{i + 1}:{p.Name}}}");
        return $"{function.Name}({string.Join(", ", required)})";
    }
}
