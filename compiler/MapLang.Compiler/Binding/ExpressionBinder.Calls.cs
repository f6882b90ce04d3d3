using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

public sealed partial class ExpressionBinder
{
    public const string LookupFunction = "lookup";
    public const string FailFunction = "fail";

    /// <summary>
    /// Binds the value of a field assignment. There, and only there, <c>lookup(key)</c> without a table asks
    /// the host for the field's value (e.g. the M3 customer number of an e-mail address).
    /// </summary>
    public BoundExpression BindAssignedValue(ExpressionSyntax syntax, string lookupName, MapType fieldType)
    {
        if (syntax is CallExpressionSyntax { Callee: NameExpressionSyntax { Name.Text: LookupFunction } callee, Arguments: [var key] } call
            && !(key is NameExpressionSyntax n && context.File.Tables.ContainsKey(n.Name.Text)))
        {
            var boundKey = Bind(key);
            if (boundKey.Type.IsError) return new BoundError(call);
            if (!boundKey.Type.IsPrimitive)
                return Error(key, DiagnosticCatalog.TypeMismatch, "A lookup key", "text or a number", boundKey.Type.Display, "");
            if (boundKey.Type.IsNullable)
                return Error(key, DiagnosticCatalog.PossiblyNullIntoRequired, "A lookup key");
            Reference(new SymbolUse(BuiltIns.Lookup, callee.Span));
            // The host answers with text; assigning it to a field of another type is a type mismatch like any other.
            return new BoundRuntimeLookup(lookupName, boundKey, MapType.String, call);
        }
        return Bind(syntax);
    }

    private BoundExpression BindCall(CallExpressionSyntax call)
    {
        switch (call.Callee)
        {
            case NameExpressionSyntax { Name: var name }:
                return BindNamedCall(call, name);
            case MemberExpressionSyntax member:
                return BindMethodCall(call, member);
            default:
                Bind(call.Callee);
                return Error(call.Callee, DiagnosticCatalog.UnknownFunction, "(expression)", " Only functions, maps and list operations can be called.");
        }
    }

    private BoundExpression BindNamedCall(CallExpressionSyntax call, NameSyntax name)
    {
        if (name.IsMissing) return new BoundError(call);
        switch (name.Text)
        {
            case LookupFunction:
                return BindTableLookup(call, name);
            case FailFunction:
                if (call.Arguments.Count != 1)
                    return Error(call, DiagnosticCatalog.WrongArgumentCount, "fail", "one message", call.Arguments.Count);
                Reference(new SymbolUse(BuiltIns.Fail, name.Span));
                var message = BindAndConvert(call.Arguments[0], MapType.String.AsNullable(), "A failure message");
                return message.Type.IsError ? new BoundError(call) : new BoundFail(message, context.LocationOf(call.Span), call);
        }
        if (context.File.Maps.TryGetValue(name.Text, out var mapSymbol))
        {
            Reference(new SymbolUse(mapSymbol, name.Span));
            if (call.Arguments.Count != 1)
                return Error(call, DiagnosticCatalog.WrongArgumentCount, $"The map {mapSymbol.Name}", $"one {mapSymbol.Source?.QualifiedName ?? "record"}", call.Arguments.Count);
            var argument = Bind(call.Arguments[0]);
            if (argument.Type.IsError || mapSymbol.Source is null) return new BoundError(call);
            if (argument.Type.Kind != TypeKind.Record || argument.Type.Role != RecordRole.Source || argument.Type.Entity!.QualifiedName != mapSymbol.Source.QualifiedName)
                return Error(call.Arguments[0], DiagnosticCatalog.MapSourceMismatch, mapSymbol.Name, mapSymbol.Source.QualifiedName, argument.Type.Display);
            return new BoundMapCall(mapSymbol, argument, mapSymbol.Type.WithNullability(argument.Type.IsNullable), call);
        }
        var arguments = BindArguments(call.Arguments);
        return arguments is null ? new BoundError(call) : ResolveFunction(call, name, arguments);
    }

    private List<BoundExpression>? BindArguments(IEnumerable<ExpressionSyntax> syntax)
    {
        var arguments = new List<BoundExpression>();
        var failed = false;
        foreach (var a in syntax)
        {
            var bound = Bind(a);
            failed |= bound.Type.IsError;
            arguments.Add(bound);
        }
        return failed ? null : arguments;
    }

    private BoundExpression ResolveFunction(CallExpressionSyntax call, NameSyntax name, IReadOnlyList<BoundExpression> arguments)
    {
        var overloads = context.Functions.Lookup(name.Text);
        if (overloads.Count == 0)
        {
            var known = context.Functions.Names.Concat(context.File.Maps.Keys).Append(LookupFunction).Append(FailFunction);
            var suggestions = Suggestions.Closest(name.Text, known);
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownFunction, name.Span, suggestions, name.Text, Suggestions.Phrase(suggestions));
            return new BoundError(call);
        }

        FunctionSymbol? best = null;
        var bestScore = int.MaxValue;
        FunctionSymbol? nullOnly = null;
        var nullArgument = -1;
        foreach (var f in overloads)
        {
            if (arguments.Count < f.RequiredParameterCount || arguments.Count > f.Parameters.Count) continue;
            var score = 0;
            var fits = true;
            var nullMismatch = -1;
            for (var i = 0; i < arguments.Count && fits; i++)
            {
                var kind = Conversions.Classify(arguments[i].Type, f.Parameters[i].Type);
                if (kind == ConversionKind.None) fits = false;
                else if (kind == ConversionKind.Implicit) score++;
                if (fits && arguments[i].Type.IsNullable && !f.Parameters[i].Type.IsNullable && nullMismatch < 0) nullMismatch = i;
            }
            if (!fits) continue;
            if (nullMismatch >= 0)
            {
                nullOnly ??= f;
                if (nullArgument < 0) nullArgument = nullMismatch;
                continue;
            }
            if (score < bestScore) (best, bestScore) = (f, score);
        }

        if (best is null)
        {
            if (nullOnly is not null)
            {
                var p = nullOnly.Parameters[nullArgument];
                Diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, arguments[nullArgument].Syntax.Span, name.Text,
                    $"'{p.Name}' needs a value, but this may be null: add a default with `?? ...`.");
            }
            else
            {
                var signatures = string.Join("; ", overloads.Select(o => o.Signature));
                Diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, call.ArgumentListSpan, name.Text,
                    $"these arguments ({string.Join(", ", arguments.Select(a => a.Type.Display))}) fit none of {signatures}.");
            }
            return new BoundError(call);
        }

        Reference(new SymbolUse(best, name.Span));
        var converted = arguments.Select((a, i) => Convert(a, best.Parameters[i].Type.WithNullability(a.Type.IsNullable), $"'{best.Parameters[i].Name}'")).ToArray();
        return new BoundCall(best, converted, best.ReturnType, call);
    }

    private BoundExpression BindTableLookup(CallExpressionSyntax call, NameSyntax name)
    {
        if (call.Arguments.Count is < 2 or > 3 || call.Arguments[0] is not NameExpressionSyntax tableName)
        {
            if (call.Arguments.Count == 1)
                return Error(call, DiagnosticCatalog.LookupWithoutTarget);
            return Error(call, DiagnosticCatalog.WrongArgumentCount, "lookup", "a table, a key and optionally a default: lookup(Table, key[, default])", call.Arguments.Count);
        }
        Reference(new SymbolUse(BuiltIns.Lookup, name.Span));
        if (!context.File.Tables.TryGetValue(tableName.Name.Text, out var table))
        {
            var suggestions = Suggestions.Closest(tableName.Name.Text, context.File.Tables.Keys);
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownName, tableName.Span, suggestions, tableName.Name.Text,
                suggestions.Count > 0 ? Suggestions.Phrase(suggestions) : " lookup(Table, key) needs a table declared with `table`.");
            return new BoundError(call);
        }
        Reference(new SymbolUse(table, tableName.Span));
        var key = Bind(call.Arguments[1]);
        if (key.Type.IsError) return new BoundError(call);
        key = Convert(key, table.KeyType.WithNullability(key.Type.IsNullable), "The key");
        if (key.Type.IsError) return new BoundError(call);
        BoundExpression? fallback = null;
        if (call.Arguments.Count == 3)
        {
            fallback = Bind(call.Arguments[2]);
            if (fallback.Type.IsError) return new BoundError(call);
            if (fallback.Type.Kind != TypeKind.Never) fallback = Convert(fallback, table.ValueType.WithNullability(fallback.Type.IsNullable), "The default");
        }
        // A miss gives the call's default, else the table's default, else null.
        var nullable = fallback is not null ? fallback.Type.IsNullable && fallback.Type.Kind != TypeKind.Never
            : table.Default is null || table.Default.Type.IsNullable;
        return new BoundTableLookup(table, key, fallback, table.ValueType.WithNullability(nullable), call);
    }

    private BoundExpression BindMethodCall(CallExpressionSyntax call, MemberExpressionSyntax member)
    {
        var receiver = Bind(member.Target);
        if (receiver.Type.IsError || member.Member.IsMissing) return new BoundError(call);
        if (receiver.Type.Kind == TypeKind.List && CollectionOperations.TryGet(member.Member.Text, out var operation))
            return BindCollection(call, member, receiver, operation);

        // Any function can be called as a method on its first argument: email.lower().trim().
        if (context.Functions.Lookup(member.Member.Text).Count > 0)
        {
            var rest = BindArguments(call.Arguments);
            return rest is null ? new BoundError(call) : ResolveFunction(call, member.Member, [receiver, .. rest]);
        }
        if (receiver.Type.Kind == TypeKind.List)
        {
            var suggestions = Suggestions.Closest(member.Member.Text, CollectionOperations.Names.Concat(context.Functions.Names));
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownFunction, member.Member.Span, suggestions, member.Member.Text,
                suggestions.Count > 0 ? Suggestions.Phrase(suggestions) : $" Lists have {string.Join(", ", CollectionOperations.Names)}.");
            return new BoundError(call);
        }
        if (CollectionOperations.TryGet(member.Member.Text, out _))
            return Error(member.Member, DiagnosticCatalog.NotAList, member.Member.Text, receiver.Type.Display);
        var names = Suggestions.Closest(member.Member.Text, context.Functions.Names);
        Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownFunction, member.Member.Span, names, member.Member.Text, Suggestions.Phrase(names));
        return new BoundError(call);
    }
}
