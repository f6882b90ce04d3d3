using System.Text;
using MapLang.Compiler.Binding;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.TypeSystem;
using static MapLang.Compiler.Emit.CSharpNames;

namespace MapLang.Compiler.Emit;

/// <summary>Emits each table as a switch (Roslyn compiles large string switches to hashed jumps) returning null on a miss.</summary>
internal sealed class TableEmitter
{
    private readonly Dictionary<TableSymbol, string> _names = [];

    public string EmitLookup(BoundTableLookup lookup, string key, string? callDefault)
    {
        var name = NameOf(lookup.Table);
        var fallback = callDefault ?? (lookup.Table.Default is { } d ? $"({Type(lookup.Type)})({Literal(ConstantFolder.Fold(d)?.Value, lookup.Table.ValueType)})" : null);
        var call = $"Tables.{name}({key})";
        return fallback is null ? call : $"({call} ?? {fallback})";
    }

    private string NameOf(TableSymbol table)
    {
        if (!_names.TryGetValue(table, out var name))
            _names[table] = name = $"{Identifier(table.Name)}_{_names.Count + 1}";
        return name;
    }

    public void Emit(StringBuilder sb)
    {
        sb.AppendLine("internal static class Tables");
        sb.AppendLine("{");
        foreach (var (table, name) in _names)
        {
            var key = table.KeyType.AsNullable();
            var value = table.ValueType.AsNullable();
            sb.AppendLine($"    // table {table.Name}{(table.CsvPath is null ? "" : $" from {Path.GetFileName(table.CsvPath)}")}: {table.Rows.Count} rows");
            sb.AppendLine($"    public static {Type(value)} {name}({Type(key)} key) => key switch");
            sb.AppendLine("    {");
            foreach (var (k, v) in table.Rows)
                sb.AppendLine($"        {Literal(k, table.KeyType.AsNonNull())} => {Cast(v, value)},");
            sb.AppendLine($"        _ => default({Type(value)}),");
            sb.AppendLine("    };");
            sb.AppendLine();
        }
        sb.AppendLine("}");
        sb.AppendLine();
    }

    private static string Cast(object? v, MapType type) => $"({Type(type)})({Literal(v, type)})";
}
