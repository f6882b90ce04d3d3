using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding;

/// <summary>
/// Binds a map body and checks it against the target entity: unknown and duplicate fields, types,
/// nullability into required fields, lengths, required fields never assigned, unused lets.
/// </summary>
public static class MapBinder
{
    public static BoundMap? Bind(MapSymbol map, BindingContext context)
    {
        var syntax = map.Syntax;
        var diagnostics = context.Diagnostics;
        var lets = new Dictionary<string, LocalSymbol>(StringComparer.Ordinal);
        foreach (var let in syntax.Members.OfType<LetSyntax>())
        {
            if (let.Name.IsMissing) continue;
            if (lets.TryGetValue(let.Name.Text, out var existing))
            {
                diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, let.Name.Span, let.Name.Text,
                    $"line {diagnostics.Text.GetPosition(existing.NameSpan.Start).Line + 1}");
                continue;
            }
            var local = new LocalSymbol(let.Name.Text, let, context.FilePath);
            lets[let.Name.Text] = local;
            context.References.Add(new SymbolUse(local, let.Name.Span));
        }

        var source = new ParameterSymbol("source", map.SourceType, true, map.Syntax.Source.Span, context.FilePath);
        var order = new List<LocalSymbol>();
        ExpressionBinder? binder = null;
        MapScope? scope = null;
        var stack = new List<LocalSymbol>();

        BoundExpression BindLet(LocalSymbol local)
        {
            if (local.Value is { } done) return done;
            if (local.IsBinding)
            {
                var cycle = string.Join(" -> ", stack.SkipWhile(s => s != local).Select(s => s.Name).Append(local.Name));
                diagnostics.Report(DiagnosticCatalog.CircularLet, local.NameSpan, local.Name, cycle);
                return local.Value = new BoundError(local.Syntax);
            }
            local.IsBinding = true;
            stack.Add(local);
            var letBinder = HasSyntaxError(local.Syntax.Span.Start, local.Syntax.Span.End + 1, context) ? new ExpressionBinder(context.Silent(), scope) : binder!;
            var value = letBinder.Bind(local.Syntax.Value);
            if (value is BoundMapCall or BoundCollection { Operation: CollectionOperation.MapEach })
            {
                diagnostics.Report(DiagnosticCatalog.MapResultNotAssigned, local.Syntax.Value.Span);
                value = new BoundError(local.Syntax.Value);
            }
            stack.RemoveAt(stack.Count - 1);
            local.IsBinding = false;
            local.Value ??= value;
            if (!order.Contains(local)) order.Add(local);
            return local.Value;
        }

        scope = new MapScope(map, source, lets, BindLet);
        binder = new ExpressionBinder(context, scope);

        // Without a source the body cannot be checked field by field: the header already reported why.
        if (map.Source is null || map.Target is null)
        {
            foreach (var local in lets.Values) local.IsUsed = true;
            return null;
        }

        var targetSystem = context.Schemas.FindSystem(map.Target.System)!;
        var assignments = new List<BoundAssignment>();
        var requires = new List<BoundRequire>();
        var assigned = new Dictionary<string, AssignmentSyntax>(StringComparer.Ordinal);

        for (var i = 0; i < syntax.Members.Count; i++)
        {
            var member = syntax.Members[i];
            // A member the parser had to repair would only produce follow-on errors: bind it, report nothing.
            var end = i + 1 < syntax.Members.Count ? syntax.Members[i + 1].Span.Start : syntax.BodySpan.End;
            var memberContext = HasSyntaxError(member.Span.Start, end, context) ? context.Silent() : context;
            var memberBinder = ReferenceEquals(memberContext, context) ? binder : new ExpressionBinder(memberContext, scope);
            switch (member)
            {
                case LetSyntax let when lets.TryGetValue(let.Name.Text, out var local) && local.Syntax == let:
                    BindLet(local);
                    break;
                case RequireSyntax require:
                    var condition = memberBinder.Bind(require.Condition);
                    var message = memberBinder.BindAndConvert(require.Message, MapType.String.AsNullable(), "A require message");
                    if (!condition.Type.IsError && (condition.Type.Kind != TypeKind.Bool || condition.Type.IsNullable))
                        memberContext.Diagnostics.Report(DiagnosticCatalog.ConditionNotBool, require.Condition.Span, condition.Type.Display,
                            condition.Type.Kind == TypeKind.Bool ? " It may be null: add `?? false`." : "");
                    else if (!condition.Type.IsError && !message.Type.IsError)
                        requires.Add(new BoundRequire(condition, message, context.LocationOf(require.Span), require));
                    break;
                case AssignmentSyntax assignment when !assignment.Field.IsMissing:
                    if (BindAssignment(assignment, map.Target, targetSystem, memberBinder, memberContext, assigned) is { } bound)
                        assignments.Add(bound);
                    break;
            }
        }

        var missing = map.Target.Fields.Where(f => f.Required && !assigned.ContainsKey(f.Name)).Select(f => f.Name).ToArray();
        if (missing.Length > 0)
        {
            var list = string.Join(", ", missing);
            diagnostics.ReportWithSuggestions(DiagnosticCatalog.RequiredFieldsNotAssigned, syntax.Target.Span, missing,
                map.Target.QualifiedName, missing.Length == 1 ? $"the field {list}" : $"the fields {list}", missing.Length == 1 ? "it" : "them");
        }

        foreach (var local in lets.Values.Where(l => !l.IsUsed))
            diagnostics.Report(DiagnosticCatalog.UnusedLet, local.NameSpan, local.Name);

        var lets_ = order.Where(l => l.Value is { Type.IsError: false }).ToArray();
        return new BoundMap(map, source, lets_, requires, assignments);
    }

    private static bool HasSyntaxError(int start, int end, BindingContext context) =>
        context.File.Tree.Diagnostics.Any(d => d.Span.Start >= start && d.Span.Start < Math.Max(end, start + 1));

    private static BoundAssignment? BindAssignment(
        AssignmentSyntax assignment, EntitySchema target, SystemSchema targetSystem, ExpressionBinder binder,
        BindingContext context, Dictionary<string, AssignmentSyntax> assigned)
    {
        var diagnostics = context.Diagnostics;
        var fieldName = assignment.Field.Text;
        var field = target.FindField(fieldName);
        if (field is null)
        {
            binder.Bind(assignment.Value);
            var suggestions = Suggestions.Closest(fieldName, target.Fields.Select(f => f.Name).Where(n => !assigned.ContainsKey(n)));
            diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownField, assignment.Field.Span, suggestions, target.QualifiedName, fieldName, Suggestions.Phrase(suggestions));
            return null;
        }
        var fieldType = SchemaTypes.OfField(field, targetSystem, RecordRole.Target);
        context.References.Add(new FieldUse(target, field, fieldType, true, assignment.Field.Span));
        if (assigned.ContainsKey(fieldName))
        {
            binder.Bind(assignment.Value);
            diagnostics.Report(DiagnosticCatalog.DuplicateAssignment, assignment.Field.Span, fieldName);
            return null;
        }
        assigned[fieldName] = assignment;

        var value = binder.BindAssignedValue(assignment.Value, $"{target.QualifiedName}.{fieldName}", fieldType);
        if (value.Type.IsError) return null;
        var what = $"{target.Name}.{fieldName}";

        // Records and lists of records are produced by maps.
        if (fieldType.Kind == TypeKind.Record || fieldType.Kind == TypeKind.List && fieldType.Element!.Kind == TypeKind.Record)
        {
            if (value is BoundList && fieldType.Kind != TypeKind.List)
            {
                diagnostics.Report(DiagnosticCatalog.TypeMismatch, assignment.Value.Span, what, fieldType.Display, value.Type.Display, " Assign one record: MapName(record).");
                return null;
            }
            var producesRecords = value is BoundMapCall or BoundCollection { Operation: CollectionOperation.MapEach }
                || value is BoundList { Items.Count: > 0 } list && list.Items.All(i => i is BoundMapCall or BoundConversion { Operand: BoundMapCall })
                || value.Type.Kind == TypeKind.Null;
            if (!producesRecords)
            {
                diagnostics.Report(fieldType.Kind == TypeKind.List ? DiagnosticCatalog.NotAssignableField : DiagnosticCatalog.TypeMismatch,
                    assignment.Value.Span, what, fieldType.Display, value.Type.Display, " Apply a map to a record: MapName(record).");
                return null;
            }
            var produced = value.Type.Kind == TypeKind.List ? value.Type.Element! : value.Type;
            var expected = fieldType.Kind == TypeKind.List ? fieldType.Element! : fieldType;
            if (produced.IsError || expected.IsError) return null;
            if (value.Type.Kind != TypeKind.Null && produced.Entity?.QualifiedName != expected.Entity!.QualifiedName)
            {
                diagnostics.Report(DiagnosticCatalog.TypeMismatch, assignment.Value.Span, what, fieldType.Display, value.Type.Display,
                    $" Use a map whose target is {expected.Entity!.QualifiedName}.");
                return null;
            }
            return new BoundAssignment(field, fieldType, value, assignment);
        }
        if (value is BoundMapCall or BoundCollection { Operation: CollectionOperation.MapEach })
        {
            diagnostics.Report(DiagnosticCatalog.TypeMismatch, assignment.Value.Span, what, fieldType.Display, value.Type.Display, "");
            return null;
        }

        var converted = binder.Convert(value, fieldType.WithNullability(value.Type.IsNullable && value.Type.Kind != TypeKind.Never), what);
        if (converted.Type.IsError) return null;

        if (field.Required && value.Type.IsNullable && value.Type.Kind != TypeKind.Never)
        {
            diagnostics.Report(DiagnosticCatalog.PossiblyNullIntoRequired, assignment.Value.Span, what);
            return null;
        }
        CheckLength(value, fieldType, what, assignment, diagnostics);
        return new BoundAssignment(field, fieldType, converted, assignment);
    }

    private static void CheckLength(BoundExpression value, MapType fieldType, string what, AssignmentSyntax assignment, DiagnosticBag diagnostics)
    {
        if (ConstantFolder.Fold(value) is { Value: var constant })
        {
            if (fieldType.UnderlyingKind == TypeKind.String && fieldType.MaxLength is { } max && constant is string s && s.Length > max)
                diagnostics.Report(DiagnosticCatalog.LiteralTooLong, assignment.Value.Span, s.Length, what, max);
            if (fieldType.Kind == TypeKind.Int && fieldType.Digits is { } digits && constant is long l
                && Math.Abs(l).ToString(System.Globalization.CultureInfo.InvariantCulture).Length is var n && n > digits)
                diagnostics.Report(DiagnosticCatalog.NumberTooLarge, assignment.Value.Span, n, what, digits);
            return;
        }
        // Text of unknown length is checked when the mapping runs (a clear mapping error rather than M3's rejection).
        if (fieldType.UnderlyingKind == TypeKind.String && fieldType.MaxLength is { } limit
            && value.Type.UnderlyingKind == TypeKind.String && value.Type.MaxLength is { } known && known > limit)
            diagnostics.ReportWithSuggestions(DiagnosticCatalog.MayBeTooLong, assignment.Value.Span, [$"truncate({{0}}, {limit})"], known, what, limit);
    }
}
