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
        var first = true;
        foreach (var (field, type) in typed)
        {
            sb.AppendLine($"            {(first ? "if" : "else if")} (r.ValueTextEquals({CSharpNames.String(field.WireName)}u8))");
            sb.AppendLine("            {");
            sb.AppendLine("                r.Read();");
            EmitValueRead(sb, $"x.{CSharpNames.Field(field.Name)}", type, $"{entity.QualifiedName}.{field.Name}", "                ");
            sb.AppendLine("            }");
            first = false;
        }
        if (first)
            sb.AppendLine("            r.Read(); r.Skip();");
        else
            sb.AppendLine("            else { r.Read(); r.Skip(); }");
        sb.AppendLine("        }");
        foreach (var (field, type) in typed.Where(t => !t.Type.IsNullable))
            sb.AppendLine($"        if (x.{CSharpNames.Field(field.Name)} is null) throw {CSharpNames.Json}.JsonRead.Missing({CSharpNames.String(entity.QualifiedName)}, {CSharpNames.String(field.Name)});");
        sb.AppendLine("        return x;");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        sb.AppendLine();
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
