using MapLang.Compiler.Binding;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Services.Common;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Hover;

/// <summary>Markdown cards for what a reference names.</summary>
internal static class SymbolText
{
    public static string Describe(SymbolReference reference, FunctionTable functions) => reference switch
    {
        FieldUse f => FieldText.Markdown(f.Entity, f.Field, f.IsTarget),
        EntityUse e => Entity(e.Entity),
        SystemUse s => $"**{s.System.Name}** (connector)" + (s.System.Description is { } d ? $" — {d}" : "")
            + $"\n\n{s.System.Entities.Count} entities.",
        SymbolUse { Symbol: var symbol } => Symbol(symbol, functions),
        _ => "",
    };

    private static string Entity(EntitySchema entity)
    {
        var text = $"**{entity.QualifiedName}**" + (entity.Description is { } d ? $" — {d}" : "");
        var required = entity.Fields.Where(f => f.Required).Select(f => f.Name).ToArray();
        text += $"\n\n{entity.Fields.Count} fields" + (required.Length > 0 ? $"; required: {string.Join(", ", required)}" : "") + ".";
        if (entity.WritesThrough.Count > 0) text += $"\n\nWritten through {string.Join(", ", entity.WritesThrough)}.";
        if (entity.ReadsThrough.Count > 0) text += $"\n\nRead through {string.Join(", ", entity.ReadsThrough)}.";
        return text;
    }

    public static string Symbol(Symbol symbol, FunctionTable functions) => symbol switch
    {
        LocalSymbol l => Code($"let {l.Name}: {l.Type.Display}"),
        ConstantSymbol c => Code($"const {c.Name}: {c.Type.Display} = {Value(c.Value)}"),
        TableSymbol t => Code($"table {t.Name}: {t.KeyType.Display} -> {t.ValueType.Display}")
            + $"\n\n{t.Rows.Count} rows" + (t.Default is not null ? " and a default" : "") + (t.CsvPath is { } csv ? $", from `{System.IO.Path.GetFileName(csv)}`" : "") + ".",
        MapSymbol m => Code($"map {(m.IsNamed ? m.Name + ": " : "")}{m.Syntax.Source.Text} -> {m.Syntax.Target.Text}")
            + (m.Target?.Description is { } d ? $"\n\nWrites {m.Target.QualifiedName}: {d}" : ""),
        FunctionSymbol f => Function(f, functions),
        ParameterSymbol p => Code($"{p.Name}: {p.Type.Display}"),
        _ => symbol.Name,
    };

    public static string Function(FunctionSymbol f, FunctionTable functions)
    {
        var overloads = functions.Lookup(f.Name);
        var signatures = overloads.Count > 0 ? overloads.Select(o => o.Signature) : [f.Signature];
        return Code(string.Join('\n', signatures)) + (string.IsNullOrWhiteSpace(f.Doc) ? "" : "\n\n" + f.Doc);
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Code(string text) => $"```maplang\n{text}\n```";
}
