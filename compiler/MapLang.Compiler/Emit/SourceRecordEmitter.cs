using System.Text;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Emit;

/// <summary>
/// Emits, per source entity, a class holding only the fields the maps read, and a reader that fills it from
/// a <c>Utf8JsonReader</c> in one pass, skipping every other property. Fields the schema says are always
/// present are checked once, when read, so expressions can use them without null checks.
/// </summary>
internal static class SourceRecordEmitter
{
    public static void Emit(StringBuilder sb, EntitySchema entity, IReadOnlyCollection<FieldSchema> fields, SchemaCatalog schemas)
    {
        var system = schemas.FindSystem(entity.System)!;
        var name = CSharpNames.SourceClass(entity);
        var typed = fields.Select(f => (Field: f, Type: SchemaTypes.OfField(f, system, RecordRole.Source))).ToArray();

        sb.AppendLine($"/// <summary>The fields of {entity.QualifiedName} that the maps read.</summary>");
        sb.AppendLine($"internal sealed class {name}");
        sb.AppendLine("{");
        foreach (var (field, type) in typed)
            sb.AppendLine($"    public {CSharpNames.Type(type.AsNullable())} {CSharpNames.Field(field.Name)};");
        sb.AppendLine();
        sb.AppendLine($"    public static {name} Read(ref global::System.Text.Json.Utf8JsonReader r)");
        sb.AppendLine("    {");
        sb.AppendLine($"        if (r.TokenType != global::System.Text.Json.JsonTokenType.StartObject) throw {CSharpNames.Json}.JsonRead.NotAnObject(ref r, {CSharpNames.String(entity.QualifiedName)});");
        sb.AppendLine($"        var x = new {name}();");
        sb.AppendLine("        while (r.Read() && r.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        sb.AppendLine("        {");
        if (typed.Length == 0)
        {
            sb.AppendLine("            r.Read(); r.Skip();");
        }
        else
        {
            sb.AppendLine("            switch (r.ValueIsEscaped ? FieldOf(r.GetString()!) : FieldOf(r.ValueSpan))");
            sb.AppendLine("            {");
            for (var i = 0; i < typed.Length; i++)
            {
                var (field, type) = typed[i];
                sb.AppendLine($"                case {i + 1}:");
                sb.AppendLine("                    r.Read();");
                EmitValueRead(sb, $"x.{CSharpNames.Field(field.Name)}", type, $"{entity.QualifiedName}.{field.Name}", "                    ");
                sb.AppendLine("                    break;");
            }
            sb.AppendLine("                default:");
            sb.AppendLine("                    r.Read();");
            sb.AppendLine("                    r.Skip();");
            sb.AppendLine("                    break;");
            sb.AppendLine("            }");
        }
        sb.AppendLine("        }");
        foreach (var (field, type) in typed.Where(t => !t.Type.IsNullable))
            sb.AppendLine($"        if (x.{CSharpNames.Field(field.Name)} is null) throw {CSharpNames.Json}.JsonRead.Missing({CSharpNames.String(entity.QualifiedName)}, {CSharpNames.String(field.Name)});");
        sb.AppendLine("        return x;");
        sb.AppendLine("    }");
        if (typed.Length > 0) EmitFieldLookup(sb, typed.Select(t => t.Field.WireName).ToArray());
        sb.AppendLine("}");
        sb.AppendLine();
    }

    /// <summary>
    /// The number (1-based) of a property name among the fields read, 0 for any other: a switch on the UTF-8 length
    /// first, so that most of the payload's properties are skipped after one comparison at most.
    /// </summary>
    private static void EmitFieldLookup(StringBuilder sb, IReadOnlyList<string> names)
    {
        sb.AppendLine();
        sb.AppendLine("    private static int FieldOf(global::System.ReadOnlySpan<byte> name)");
        sb.AppendLine("    {");
        sb.AppendLine("        switch (name.Length)");
        sb.AppendLine("        {");
        foreach (var group in names.Select((n, i) => (Name: n, Number: i + 1)).GroupBy(n => Encoding.UTF8.GetByteCount(n.Name)).OrderBy(g => g.Key))
        {
            sb.AppendLine($"            case {group.Key}:");
            foreach (var (name, number) in group)
                sb.AppendLine($"                if (global::System.MemoryExtensions.SequenceEqual(name, {CSharpNames.String(name)}u8)) return {number};");
            sb.AppendLine("                return 0;");
        }
        sb.AppendLine("            default:");
        sb.AppendLine("                return 0;");
        sb.AppendLine("        }");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    // Property names with JSON escapes are rare; they are compared unescaped.");
        sb.AppendLine("    private static int FieldOf(string name) => name switch");
        sb.AppendLine("    {");
        for (var i = 0; i < names.Count; i++) sb.AppendLine($"        {CSharpNames.String(names[i])} => {i + 1},");
        sb.AppendLine("        _ => 0,");
        sb.AppendLine("    };");
    }

    private static void EmitValueRead(StringBuilder sb, string target, MapType type, string field, string indent)
    {
        var f = CSharpNames.String(field);
        switch (type.Kind)
        {
            case TypeKind.List:
                sb.AppendLine($"{indent}if (r.TokenType == global::System.Text.Json.JsonTokenType.Null) {target} = null;");
                sb.AppendLine($"{indent}else");
                sb.AppendLine($"{indent}{{");
                sb.AppendLine($"{indent}    if (r.TokenType != global::System.Text.Json.JsonTokenType.StartArray) throw {CSharpNames.Json}.JsonRead.NotAList(ref r, {f});");
                var depth = indent.Length;
                sb.AppendLine($"{indent}    var list{depth} = new {CSharpNames.Type(type.AsNonNull())}();");
                sb.AppendLine($"{indent}    while (r.Read() && r.TokenType != global::System.Text.Json.JsonTokenType.EndArray)");
                sb.AppendLine($"{indent}    {{");
                sb.AppendLine($"{indent}        {CSharpNames.Type(type.Element!.AsNullable())} item{depth};");
                EmitValueRead(sb, $"item{depth}", type.Element!.AsNullable(), field + "[]", indent + "        ");
                sb.AppendLine($"{indent}        if (item{depth} is not null) list{depth}.Add({(CSharpNames.IsValueType(type.Element!) ? $"item{depth}.Value" : $"item{depth}")});");
                sb.AppendLine($"{indent}    }}");
                sb.AppendLine($"{indent}    {target} = list{depth};");
                sb.AppendLine($"{indent}}}");
                return;
            case TypeKind.Record:
                sb.AppendLine($"{indent}{target} = r.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : {CSharpNames.SourceClass(type.Entity!)}.Read(ref r);");
                return;
        }
        var read = type.Kind switch
        {
            TypeKind.String => $"JsonRead.String(ref r, {f})",
            TypeKind.Any => "JsonRead.Any(ref r)",
            TypeKind.Int => $"JsonRead.Int64(ref r, {f})",
            TypeKind.Decimal => $"JsonRead.Decimal(ref r, {f})",
            TypeKind.Bool => $"JsonRead.Bool(ref r, {f})",
            TypeKind.Date => $"JsonRead.Date(ref r, {Format(type.Format)}, {f})",
            TypeKind.DateTime => $"JsonRead.DateTime(ref r, {Format(type.Format)}, {f})",
            TypeKind.Enum => type.Enum!.IsNumeric ? $"JsonRead.Int64(ref r, {f})" : $"JsonRead.String(ref r, {f})",
            _ => "JsonRead.Any(ref r)",
        };
        sb.AppendLine($"{indent}{target} = {CSharpNames.Json}.{read};");
    }

    private static string Format(string? format) => format is null ? "null" : CSharpNames.String(format);
}
