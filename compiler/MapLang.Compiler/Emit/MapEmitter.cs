using System.Text;
using MapLang.Compiler.Binding;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;
using static MapLang.Compiler.Emit.CSharpNames;

namespace MapLang.Compiler.Emit;

/// <summary>
/// Emits one map as a mapper class: lets as locals, requires as checks, then each assignment written
/// straight to the Utf8JsonWriter; lists of records are written in a loop, filters inlined.
/// #line directives point each statement back to the .map file.
/// </summary>
internal sealed class MapEmitter(BoundMap map, ExpressionEmitter expressions, Func<string, SourceText> texts)
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Field, string Name)> _properties = [];

    public void Emit(StringBuilder sb)
    {
        var symbol = map.Symbol;
        var source = SourceClass(symbol.Source!);
        var text = texts(symbol.FilePath);
        expressions.Name(map.Source, "source");

        foreach (var local in map.Lets)
        {
            Line(text, local.Syntax.Span);
            _body.AppendLine($"        var {ExpressionEmitter.Local(local)} = {expressions.Emit(local.Value!)};");
        }
        foreach (var require in map.Requires)
        {
            Line(text, require.Syntax.Span);
            _body.AppendLine($"        if (!({expressions.Emit(require.Condition)})) throw {Mapping}.Failure.Create({expressions.Emit(require.Message)}, {String(require.Location)});");
        }
        Hidden();
        _body.AppendLine("        writer.WriteStartObject();");
        foreach (var assignment in map.Assignments)
        {
            Line(text, assignment.Syntax.Span);
            EmitAssignment(assignment);
        }
        Hidden();
        _body.AppendLine("        writer.WriteEndObject();");
        _body.AppendLine("#line default");

        var name = MapperClass(symbol.Name);
        sb.AppendLine($"/// <summary>map {symbol.Name}: {symbol.Source!.QualifiedName} -> {symbol.Target!.QualifiedName} ({Path.GetFileName(symbol.FilePath)})</summary>");
        sb.AppendLine($"public sealed class {name} : {Mapping}.IMapper");
        sb.AppendLine("{");
        foreach (var (field, property) in _properties)
            sb.AppendLine($"    private static readonly global::System.Text.Json.JsonEncodedText {property} = global::System.Text.Json.JsonEncodedText.Encode({String(field)});");
        if (_properties.Count > 0) sb.AppendLine();
        sb.AppendLine($"    public string Name => {String(symbol.Name)};");
        sb.AppendLine($"    public string Source => {String(symbol.Source.QualifiedName)};");
        sb.AppendLine($"    public string Target => {String(symbol.Target.QualifiedName)};");
        sb.AppendLine();
        sb.AppendLine($"    public void Map(global::System.ReadOnlySpan<byte> sourceJson, global::System.Text.Json.Utf8JsonWriter output, {Mapping}.MapContext context)");
        sb.AppendLine("    {");
        sb.AppendLine($"        {source} source;");
        sb.AppendLine("        try");
        sb.AppendLine("        {");
        sb.AppendLine("            var reader = new global::System.Text.Json.Utf8JsonReader(sourceJson, new global::System.Text.Json.JsonReaderOptions { CommentHandling = global::System.Text.Json.JsonCommentHandling.Skip, MaxDepth = 64 });");
        sb.AppendLine($"            if (!reader.Read()) throw new {MappingException}(\"The payload is empty.\");");
        sb.AppendLine($"            source = {source}.Read(ref reader);");
        sb.AppendLine("        }");
        sb.AppendLine("        catch (global::System.Text.Json.JsonException e)");
        sb.AppendLine("        {");
        sb.AppendLine($"            throw new {MappingException}($\"The payload is not valid JSON: {{e.Message}}\", e);");
        sb.AppendLine("        }");
        sb.AppendLine("        Write(output, source, context);");
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine($"    internal static void Write(global::System.Text.Json.Utf8JsonWriter writer, {source} source, {Mapping}.MapContext context)");
        sb.AppendLine("    {");
        sb.Append(_body);
        sb.AppendLine("    }");
        sb.AppendLine("}");
        sb.AppendLine();
    }

    private void Line(SourceText text, TextSpan span)
    {
        var start = text.GetPosition(span.Start);
        var end = text.GetPosition(Math.Max(span.Start + 1, span.End));
        _body.AppendLine($"#line ({start.Line + 1},{start.Character + 1})-({end.Line + 1},{end.Character + 1}) {String(text.Path)}");
    }

    private void Hidden() => _body.AppendLine("#line hidden");

    private string Property(string field)
    {
        var name = "P_" + Identifier(field);
        if (!_properties.Any(p => p.Name == name)) _properties.Add((field, name));
        return name;
    }

    private void EmitAssignment(BoundAssignment assignment)
    {
        var property = Property(assignment.Field.WireName);
        var value = assignment.Value;
        var fieldName = $"{map.Symbol.Target!.QualifiedName}.{assignment.Field.Name}";

        switch (value)
        {
            case BoundMapCall call:
                var record = expressions.NewName("record");
                _body.AppendLine($"        if ({expressions.Emit(call.Argument)} is {{ }} {record})");
                _body.AppendLine("        {");
                _body.AppendLine($"            writer.WritePropertyName({property});");
                _body.AppendLine($"            {MapperClass(call.Map.Name)}.Write(writer, {record}, context);");
                _body.AppendLine("        }");
                return;
            case BoundCollection { Operation: CollectionOperation.MapEach } each:
                EmitEach(each, property);
                return;
            case BoundList { Type.Element.Kind: TypeKind.Record } records:
                _body.AppendLine($"        writer.WritePropertyName({property});");
                _body.AppendLine("        writer.WriteStartArray();");
                foreach (var item in records.Items)
                {
                    var one = (BoundMapCall)(item is BoundConversion c ? c.Operand : item);
                    var element = expressions.NewName("record");
                    _body.AppendLine($"        if ({expressions.Emit(one.Argument)} is {{ }} {element}) {MapperClass(one.Map.Name)}.Write(writer, {element}, context);");
                }
                _body.AppendLine("        writer.WriteEndArray();");
                return;
            case BoundLiteral { Value: null } or BoundConversion { Operand.Type.Kind: TypeKind.Null }:
                return;
        }

        var type = value.Type.Kind == TypeKind.Never ? assignment.FieldType.AsNonNull() : value.Type;
        var expression = expressions.Emit(value);
        if (!type.IsNullable)
        {
            _body.AppendLine($"        {Write(property, expression, assignment.FieldType, fieldName, value)};");
            return;
        }
        var v = expressions.NewName("value");
        _body.AppendLine($"        if ({expression} is {{ }} {v}) {Write(property, v, assignment.FieldType, fieldName, value)};");
    }

    private static string Write(string property, string value, MapType fieldType, string fieldName, BoundExpression bound)
    {
        switch (fieldType.UnderlyingKind)
        {
            case TypeKind.String:
                // Text that may not fit the field is checked here, where the mapping can still say which field and value.
                var fits = fieldType.MaxLength is not { } max || ConstantFolder.Fold(bound)?.Value is string s && s.Length <= max
                    || bound.Type.MaxLength is { } known && known <= max;
                var text = fits ? value : $"{Mapping}.Text.Fit({value}, {fieldType.MaxLength}, {String(fieldName)})";
                return $"writer.WriteString({property}, {text})";
            case TypeKind.Int or TypeKind.Decimal:
                return $"writer.WriteNumber({property}, {value})";
            case TypeKind.Bool:
                return $"writer.WriteBoolean({property}, {value})";
            case TypeKind.Date:
                return $"{Json}.JsonWrite.Date(writer, {property}, {value}, {(fieldType.Format is null ? "null" : String(fieldType.Format))})";
            case TypeKind.DateTime:
                return $"{Json}.JsonWrite.DateTime(writer, {property}, {value}, {(fieldType.Format is null ? "null" : String(fieldType.Format))})";
            case TypeKind.List:
                return $"{Json}.JsonWrite.List(writer, {property}, {value})";
            default:
                return $"writer.WriteString({property}, {Mapping}.Text.Of({value}))";
        }
    }

    /// <summary>items.filter(...).map(LineMap) assigned to a list field: one loop, filters inlined, each record written as it is mapped.</summary>
    private void EmitEach(BoundCollection each, string property)
    {
        var filters = new List<BoundCollection>();
        var source = each.Source;
        while (source is BoundCollection { Operation: CollectionOperation.Filter } filter)
        {
            filters.Insert(0, filter);
            source = filter.Source;
        }
        var item = expressions.NewName("item");
        var list = expressions.NewName("list");
        foreach (var filter in filters) expressions.Name(filter.Element!, item);
        _body.AppendLine($"        writer.WritePropertyName({property});");
        _body.AppendLine("        writer.WriteStartArray();");
        _body.AppendLine($"        if ({expressions.Emit(source)} is {{ }} {list})");
        _body.AppendLine("        {");
        _body.AppendLine($"            foreach (var {item} in {list})");
        _body.AppendLine("            {");
        foreach (var filter in filters)
            _body.AppendLine($"                if (!({expressions.Emit(filter.Body!)})) continue;");
        _body.AppendLine($"                {MapperClass(each.Map!.Name)}.Write(writer, {item}, context);");
        _body.AppendLine("            }");
        _body.AppendLine("        }");
        _body.AppendLine("        writer.WriteEndArray();");
    }
}
