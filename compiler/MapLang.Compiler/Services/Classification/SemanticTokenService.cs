using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Classification;

/// <summary>A classified piece of one line.</summary>
public sealed record ClassifiedSpan(TextSpan Span, string Type, IReadOnlyList<string> Modifiers);

/// <summary>
/// Semantic highlighting: lexical classes from the tokens, refined by what binding recorded (connectors, entities,
/// fields, locals, constants, tables, maps, functions). Type and modifier names are LSP's standard ones.
/// </summary>
public static class SemanticTokenService
{
    public static readonly IReadOnlyList<string> TokenTypes =
        ["namespace", "type", "class", "enum", "parameter", "variable", "property", "function", "method", "keyword", "comment", "string", "number", "operator"];

    public static readonly IReadOnlyList<string> TokenModifiers = ["declaration", "readonly", "modification", "defaultLibrary"];

    public static IReadOnlyList<ClassifiedSpan> Classify(DocumentAnalysis analysis, TextSpan? range = null)
    {
        var references = new Dictionary<int, SymbolReference>();
        foreach (var reference in analysis.Model.References)
            references.TryAdd(reference.Span.Start, reference);
        var entityParts = analysis.Model.References.OfType<EntityUse>().ToArray();

        var result = new List<ClassifiedSpan>();
        var tokens = analysis.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (range is { } r && (token.Span.End < r.Start || token.Span.Start > r.End)) continue;
            var (type, modifiers) = token.Kind switch
            {
                SyntaxTokenKind.Keyword => Identifier(token, references, entityParts, tokens, i) ?? ("keyword", []),
                SyntaxTokenKind.Identifier => Identifier(token, references, entityParts, tokens, i) ?? ((string?)null, (string[])[]),
                SyntaxTokenKind.Comment => ("comment", []),
                SyntaxTokenKind.String or SyntaxTokenKind.InterpolationStart => ("string", []),
                SyntaxTokenKind.Number or SyntaxTokenKind.Date => ("number", []),
                SyntaxTokenKind.Operator => ("operator", []),
                _ => ((string?)null, (string[])[]),
            };
            if (type is null) continue;
            AddPerLine(analysis.Text, token.Span, type, modifiers, result);
        }
        return result;
    }

    private static (string? Type, string[] Modifiers)? Identifier(SyntaxToken token, Dictionary<int, SymbolReference> references, EntityUse[] entities, IReadOnlyList<SyntaxToken> tokens, int index)
    {
        if (references.TryGetValue(token.Span.Start, out var reference) && reference.Span.End == token.Span.End || references.TryGetValue(token.Span.Start, out reference) && reference is EntityUse)
        {
            return reference switch
            {
                SystemUse => ("namespace", []),
                EntityUse => ("type", []),
                FieldUse f => ("property", f.IsTarget ? ["modification"] : []),
                SymbolUse s => s.Symbol switch
                {
                    LocalSymbol l => ("variable", l.NameSpan == token.Span ? ["declaration"] : []),
                    ConstantSymbol c => ("variable", c.NameSpan == token.Span ? ["readonly", "declaration"] : ["readonly"]),
                    TableSymbol => ("enum", []),
                    MapSymbol => ("class", []),
                    FunctionSymbol => ("function", ["defaultLibrary"]),
                    ParameterSymbol => ("parameter", []),
                    _ => null,
                },
                _ => null,
            };
        }
        if (entities.Any(e => e.Span.Contains(token.Span))) return ("type", []);
        if (index > 0 && PreviousSignificant(tokens, index) is { Text: "." or "?." } && CollectionOperations.TryGet(token.Text, out _)) return ("method", ["defaultLibrary"]);
        return null;
    }

    private static SyntaxToken? PreviousSignificant(IReadOnlyList<SyntaxToken> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
            if (!tokens[i].IsTrivia) return tokens[i];
        return null;
    }

    // LSP clients need one token per line.
    private static void AddPerLine(SourceText text, TextSpan span, string type, string[] modifiers, List<ClassifiedSpan> result)
    {
        var first = text.GetPosition(span.Start).Line;
        var last = text.GetPosition(span.End).Line;
        if (first == last) { result.Add(new ClassifiedSpan(span, type, modifiers)); return; }
        for (var line = first; line <= last; line++)
        {
            var lineSpan = text.GetLineSpan(line);
            var part = TextSpan.FromBounds(Math.Max(span.Start, lineSpan.Start), Math.Min(span.End, lineSpan.End));
            if (part.Length > 0) result.Add(new ClassifiedSpan(part, type, modifiers));
        }
    }
}
