using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Completion;

/// <summary>
/// Decides what kind of place the cursor is in from the tokens around it (robust to half-typed text) and asks
/// the matching provider: connectors, entities, target fields, expression names, members after a dot, keywords.
/// </summary>
public static class CompletionService
{
    public static IReadOnlyList<CompletionItem> GetCompletions(DocumentAnalysis analysis, int position)
    {
        var near = analysis.TokensNear(position);
        if (InsideCommentOrString(near, position)) return [];
        var tokens = new TokenNavigator(near);
        var current = tokens.At(position);
        int previous;
        TextSpan replace;
        if (current >= 0 && tokens[current].Kind is SyntaxTokenKind.Identifier or SyntaxTokenKind.Keyword && tokens[current].Span.Start < position)
        {
            replace = tokens[current].Span;
            previous = current - 1;
        }
        else
        {
            replace = new TextSpan(position, 0);
            previous = tokens.LastEndingAtOrBefore(position);
        }
        var prev = previous >= 0 ? tokens[previous] : null;

        return Propose(analysis, tokens, position, previous, prev, replace)
            .OrderBy(i => i.SortText, StringComparer.Ordinal)
            .ToArray();
    }

    private static IEnumerable<CompletionItem> Propose(DocumentAnalysis analysis, TokenNavigator tokens, int position, int previous, SyntaxToken? prev, TextSpan replace)
    {
        var schemas = analysis.Schemas;
        var used = analysis.Model.File.UsedSystems;
        if (prev is { Text: "." or "?." })
        {
            if (SchemaCompletions.HeaderSystem(tokens, previous) is { } header)
                return SchemaCompletions.Entities(schemas, header.System, TextSpan.FromBounds(header.EntityStart, Math.Max(header.EntityStart, replace.End)));
            return ReceiverTypes.Before(analysis, tokens, previous - 1) is { } receiver ? MemberCompletions.For(receiver, replace) : [];
        }
        if (prev is { Kind: SyntaxTokenKind.Keyword, Text: "use" }) return SchemaCompletions.Connectors(schemas, used, false, skipUsed: true, replace);
        if (prev is { Text: "import" or "let" or "const" or "table" }) return [];

        if (FlowCompletions.At(analysis, position) is { } flow)
            return FlowCompletions.For(analysis, flow, tokens, previous, prev, replace,
                prev is null || prev.Text is "{" or "}" || TokenNavigator.EndsExpression(prev) && OnEarlierLine(analysis, prev, replace.Start));

        var map = MapContext.At(analysis, position);
        if (map is { InBody: false })
            return prev is { Text: "map" or "->" or ":" } ? SchemaCompletions.Connectors(schemas, used, usedFirst: true, skipUsed: false, replace) : [];
        if (map is { InBody: true })
        {
            if (IsMemberStart(analysis, map, prev, replace.Start)) return TargetFieldCompletions.For(map, position, replace);
            return Expression(analysis, tokens, map, previous, replace);
        }
        if (prev is null || prev.Text == "}" || TokenNavigator.EndsExpression(prev) && OnEarlierLine(analysis, prev, replace.Start))
            return KeywordCompletions.TopLevel(replace);
        return Expression(analysis, tokens, null, previous, replace);
    }

    private static IEnumerable<CompletionItem> Expression(DocumentAnalysis analysis, TokenNavigator tokens, MapContext? map, int previous, TextSpan replace)
    {
        var element = previous >= 0 ? ReceiverTypes.ElementInScope(analysis, tokens, previous) : null;
        var open = previous >= 0 ? tokens.UnclosedParenthesisBefore(previous) : -1;
        var tableFirst = open > 0 && tokens[open - 1].Text == "lookup" && open == previous;
        return ExpressionCompletions.For(analysis, map, element, tableFirst, replace);
    }

    /// <summary>Where a new member may start: just after the body's brace, or on a new line after a complete expression.</summary>
    private static bool IsMemberStart(DocumentAnalysis analysis, MapContext map, SyntaxToken? prev, int wordStart)
    {
        if (prev is null) return false;
        if (prev.Text == "{" && prev.Span.Start == map.Syntax.BodySpan.Start) return true;
        return TokenNavigator.EndsExpression(prev) && OnEarlierLine(analysis, prev, wordStart);
    }

    private static bool OnEarlierLine(DocumentAnalysis analysis, SyntaxToken token, int position) =>
        analysis.Text.GetPosition(token.Span.End).Line < analysis.Text.GetPosition(position).Line;

    private static bool InsideCommentOrString(IReadOnlyList<SyntaxToken> tokens, int position)
    {
        foreach (var token in tokens)
        {
            if (token.Span.Start >= position) break;
            if (token.Span.End < position) continue;
            if (token.Kind == SyntaxTokenKind.Comment && (token.Span.End > position || token.Text.StartsWith("//", StringComparison.Ordinal))) return true;
            if (token.Kind == SyntaxTokenKind.String && token.Text != "\"" && token.Span.End > position) return true;
        }
        return false;
    }
}
