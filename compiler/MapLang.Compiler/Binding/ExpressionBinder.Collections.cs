using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

public sealed partial class ExpressionBinder
{
    public const string ImplicitElementName = "it";

    private BoundExpression BindCollection(CallExpressionSyntax call, MemberExpressionSyntax member, BoundExpression source, CollectionOperation operation)
    {
        var element = source.Type.Element!;
        var name = member.Member.Text;
        var arguments = call.Arguments;
        var needsArgument = operation is CollectionOperation.Filter or CollectionOperation.Select or CollectionOperation.All or CollectionOperation.GroupBy;
        var takesArgument = needsArgument || operation is not CollectionOperation.MapEach;
        if (arguments.Count > 1 || needsArgument && arguments.Count == 0 || !takesArgument && arguments.Count > 0)
            return Error(call, DiagnosticCatalog.WrongArgumentCount, $".{name}", needsArgument ? "one argument" : "at most one argument", arguments.Count);

        // .map(MapName) applies a map to every item.
        if (operation == CollectionOperation.Select && arguments[0] is NameExpressionSyntax mapName
            && context.File.Maps.TryGetValue(mapName.Name.Text, out var map) && !IsFieldOfElement(element, mapName.Name.Text))
        {
            Reference(new SymbolUse(map, mapName.Span));
            if (map.Source is null) return new BoundError(call);
            if (element.Kind != TypeKind.Record || element.Entity!.QualifiedName != map.Source.QualifiedName)
                return Error(mapName, DiagnosticCatalog.MapSourceMismatch, map.Name, map.Source.QualifiedName, element.Display);
            return new BoundCollection(CollectionOperation.MapEach, source, null, null, map, MapType.ListOf(map.Type), call);
        }

        // .map(Name) with a name that is neither a map nor a field of the item: most likely a misspelt map.
        if (operation == CollectionOperation.Select && arguments[0] is NameExpressionSyntax unknown && char.IsUpper(unknown.Name.Text.FirstOrDefault())
            && !IsFieldOfElement(element, unknown.Name.Text) && !NamesInScope().Contains(unknown.Name.Text))
        {
            var suggestions = Suggestions.Closest(unknown.Name.Text, context.File.Maps.Keys);
            Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownMap, unknown.Span, suggestions, unknown.Name.Text,
                suggestions.Count > 0 ? Suggestions.Phrase(suggestions) : " Declare it with map Name: Source -> Target { ... }.");
            return new BoundError(call);
        }

        ParameterSymbol? parameter = null;
        BoundExpression? body = null;
        if (arguments.Count == 1)
        {
            (parameter, body) = BindInElementScope(arguments[0], element);
            if (body.Type.IsError) return new BoundError(call);
        }

        switch (operation)
        {
            case CollectionOperation.Filter or CollectionOperation.Count or CollectionOperation.First or CollectionOperation.Any or CollectionOperation.All:
                if (body is not null && !RequireBool(body)) return new BoundError(call);
                var type = operation switch
                {
                    CollectionOperation.Filter => MapType.ListOf(element),
                    CollectionOperation.Count => MapType.Int,
                    CollectionOperation.First => element.AsNullable(),
                    _ => MapType.Bool,
                };
                return new BoundCollection(operation, source, parameter, body, null, type, call);

            case CollectionOperation.Select:
                if (body!.Type.Kind == TypeKind.Record && body.Type.Role == RecordRole.Target)
                    return Error(arguments[0], DiagnosticCatalog.MapResultNotAssigned);
                return new BoundCollection(operation, source, parameter, body, null, MapType.ListOf(body.Type), call);

            case CollectionOperation.Sum or CollectionOperation.Min or CollectionOperation.Max:
                var value = body?.Type ?? element;
                var ordered = operation != CollectionOperation.Sum && value.UnderlyingKind is TypeKind.Date or TypeKind.DateTime;
                if (!value.IsNumeric && !ordered)
                {
                    var at = (SyntaxNode?)arguments.FirstOrDefault() ?? member.Member;
                    return Error(at, DiagnosticCatalog.TypeMismatch, $".{name}(...)", operation == CollectionOperation.Sum ? "a number" : "a number or a date", value.Display,
                        value.UnderlyingKind == TypeKind.String ? " Convert text with toDecimal(...)." : "");
                }
                var result = operation == CollectionOperation.Sum ? value.AsNonNull() : value.AsNullable();
                return new BoundCollection(operation, source, parameter, body, null, result with { MaxLength = null }, call);

            case CollectionOperation.GroupBy:
                if (!body!.Type.IsPrimitive)
                    return Error(arguments[0], DiagnosticCatalog.TypeMismatch, "A group key", "text, a number, a date or bool", body.Type.Display, "");
                return new BoundCollection(operation, source, parameter, body, null, MapType.ListOf(MapType.GroupOf(body.Type, element)), call);
        }
        return new BoundError(call);
    }

    private static bool IsFieldOfElement(MapType element, string name) =>
        element.Kind == TypeKind.Record && element.Entity!.FindSourceField(name) is not null;

    /// <summary>Binds a list operation's argument with the item in scope: as the lambda's parameter, or implicitly (its fields by name, itself as `it`).</summary>
    private (ParameterSymbol, BoundExpression) BindInElementScope(ExpressionSyntax argument, MapType element)
    {
        ParameterSymbol parameter;
        ExpressionSyntax body;
        if (argument is LambdaExpressionSyntax lambda)
        {
            parameter = new ParameterSymbol(lambda.Parameter.Text, element, false, lambda.Parameter.Span, context.FilePath);
            body = lambda.Body;
        }
        else
        {
            parameter = new ParameterSymbol(ImplicitElementName, element, element.Kind is TypeKind.Record or TypeKind.Group, default, context.FilePath);
            body = argument;
        }
        _elementScopes.Add(parameter);
        try
        {
            return (parameter, Bind(body));
        }
        finally
        {
            _elementScopes.RemoveAt(_elementScopes.Count - 1);
        }
    }
}
