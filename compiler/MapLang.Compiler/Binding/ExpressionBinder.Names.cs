using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

public sealed partial class ExpressionBinder
{
    /// <summary>The name of a map's source record as a whole (a field of that name wins).</summary>
    public const string SourceName = "source";

    private BoundExpression BindName(NameSyntax name)
    {
        if (name.IsMissing) return new BoundError(name);
        var text = name.Text;

        // Innermost first: lambda parameters and implicit elements, then the map's lets and source, then the file.
        for (var i = _elementScopes.Count - 1; i >= 0; i--)
        {
            var scope = _elementScopes[i];
            if (scope.Name == text)
            {
                Reference(new SymbolUse(scope, name.Span));
                return new BoundParameter(scope, name);
            }
            if (scope.FieldsInScope && TryBindImplicitField(scope, name) is { } field) return field;
        }
        if (map is not null)
        {
            if (map.Lets.TryGetValue(text, out var local))
            {
                Reference(new SymbolUse(local, name.Span));
                local.IsUsed = true;
                var value = map.BindLet(local);
                return value.Type.IsError ? new BoundError(name) : new BoundLocal(local, name);
            }
            if (TryBindImplicitField(map.Source, name) is { } field) return field;
            if (text == SourceName)
            {
                Reference(new SymbolUse(map.Source, name.Span));
                return new BoundParameter(map.Source, name);
            }
        }
        if (context.File.Constants.TryGetValue(text, out var constant))
        {
            Reference(new SymbolUse(constant, name.Span));
            return constant.Type.IsError ? new BoundError(name) : new BoundConstant(constant, name);
        }
        if (context.File.Tables.ContainsKey(text) || context.File.Maps.ContainsKey(text))
        {
            Diagnostics.Report(DiagnosticCatalog.TypeMismatch, name.Span, $"'{text}'", context.File.Tables.ContainsKey(text) ? "a table" : "a map", "used as a value",
                context.File.Tables.ContainsKey(text) ? $" Look it up with lookup({text}, key)." : $" Apply it with {text}(record) or list.map({text}).");
            return new BoundError(name);
        }

        var candidates = NamesInScope().ToArray();
        var suggestions = Suggestions.Closest(text, candidates);
        Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownName, name.Span, suggestions, text, Suggestions.Phrase(suggestions));
        return new BoundError(name);
    }

    /// <summary>Every name an expression could use here: for "did you mean" and completion.</summary>
    public IEnumerable<string> NamesInScope()
    {
        foreach (var scope in _elementScopes)
        {
            if (scope.FieldsInScope && scope.Type.Entity is { } e) foreach (var f in e.SourceFields) yield return f.Name;
            else yield return scope.Name;
        }
        if (map is not null)
        {
            foreach (var let in map.Lets.Keys) yield return let;
            yield return SourceName;
            if (map.Source.Type.Entity is { } source) foreach (var f in source.SourceFields) yield return f.Name;
        }
        foreach (var c in context.File.Constants.Keys) yield return c;
    }

    private BoundExpression? TryBindImplicitField(ParameterSymbol scope, NameSyntax name)
    {
        if (scope.Type.Kind == TypeKind.Group)
        {
            if (name.Text is "key" or "items") return BindGroupMember(new BoundParameter(scope, name), name);
            return null;
        }
        if (scope.Type.Entity is not { } entity || scope.Type.Role != RecordRole.Source) return null;
        if (entity.FindSourceField(name.Text) is not { } field) return null;
        var system = context.Schemas.FindSystem(entity.System)!;
        var type = SchemaTypes.OfField(field, system, RecordRole.Source);
        Reference(new FieldUse(entity, field, type, false, name.Span));
        return new BoundField(new BoundParameter(scope, name), field, false, type, name);
    }

    private BoundExpression BindGroupMember(BoundExpression receiver, NameSyntax member)
    {
        var group = receiver.Type;
        var isKey = member.Text == "key";
        var type = isKey ? group.Key! : MapType.ListOf(group.Element!);
        return new BoundGroupMember(receiver, isKey, type.WithNullability(isKey && group.Key!.IsNullable), member);
    }

    private BoundExpression BindMember(MemberExpressionSyntax m)
    {
        var receiver = Bind(m.Target);
        if (receiver.Type.IsError || m.Member.IsMissing) return new BoundError(m);
        var type = receiver.Type;
        if (type.IsNullable && !m.IsNullSafe && type.Kind is TypeKind.Record or TypeKind.Group)
        {
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.PossiblyNullMember, m.Member.Span, ["?."], m.Member.Text);
            return new BoundError(m);
        }
        if (type.Kind == TypeKind.Group)
        {
            if (m.Member.Text is "key" or "items") return BindGroupMember(receiver, m.Member);
            var s = Suggestions.Closest(m.Member.Text, ["key", "items"]);
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownField, m.Member.Span, s, "A group", m.Member.Text, Suggestions.Phrase(s));
            return new BoundError(m);
        }
        if (type.Kind != TypeKind.Record)
        {
            Diagnostics.Report(DiagnosticCatalog.NoFields, m.Member.Span, type.Kind == TypeKind.List ? $"A list ({type.Display}); use a list operation such as first() or map(...)" : type.Display);
            return new BoundError(m);
        }
        if (type.Role == RecordRole.Target)
        {
            Diagnostics.Report(DiagnosticCatalog.MapResultNotAssigned, m.Span);
            return new BoundError(m);
        }
        var entity = type.Entity!;
        if (entity.FindSourceField(m.Member.Text) is not { } field)
        {
            var suggestions = Suggestions.Closest(m.Member.Text, entity.SourceFields.Select(f => f.Name));
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownField, m.Member.Span, suggestions, entity.QualifiedName, m.Member.Text, Suggestions.Phrase(suggestions));
            return new BoundError(m);
        }
        var system = context.Schemas.FindSystem(entity.System)!;
        var fieldType = SchemaTypes.OfField(field, system, RecordRole.Source);
        Reference(new FieldUse(entity, field, fieldType, false, m.Member.Span));
        return new BoundField(receiver, field, m.IsNullSafe && type.IsNullable, fieldType.WithNullability(fieldType.IsNullable || type.IsNullable), m);
    }

    private BoundExpression BindIndex(IndexExpressionSyntax i)
    {
        var list = Bind(i.Target);
        var index = BindAndConvert(i.Index, MapType.Int, "An index");
        if (list.Type.IsError || index.Type.IsError) return new BoundError(i);
        if (list.Type.Kind != TypeKind.List)
            return Error(i.Target, DiagnosticCatalog.NotIndexable, list.Type.Display);
        if (index.Type.IsNullable)
        {
            Diagnostics.Report(DiagnosticCatalog.PossiblyNullIntoRequired, i.Index.Span, "An index");
            return new BoundError(i);
        }
        // Out of range (or a missing list) reads as null rather than failing the mapping.
        return new BoundIndex(list, index, list.Type.Element!.AsNullable(), i);
    }
}
