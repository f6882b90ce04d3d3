using Antlr4.Runtime;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Parsing.Generated;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Parsing;

/// <summary>Turns ANTLR's syntax errors into ML1xxx diagnostics with messages that say what to do, one per mistake.</summary>
internal sealed class SyntaxErrorListener(DiagnosticBag diagnostics) : BaseErrorListener, IAntlrErrorListener<int>
{
    private int _lastErrorTokenIndex = -1;

    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        // Lexer errors never happen: every character has a token (UNEXPECTED_CHARACTER), reported by the builder.
    }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (offendingSymbol is null) return;
        if (offendingSymbol.TokenIndex == _lastErrorTokenIndex) return;
        _lastErrorTokenIndex = offendingSymbol.TokenIndex;

        // These tokens are reported with their own, clearer diagnostic by the builder.
        if (offendingSymbol.Type is MapLangLexer.UNEXPECTED_CHARACTER or MapLangLexer.UNTERMINATED_STRING) return;

        var span = offendingSymbol.Type == TokenConstants.EOF
            ? new TextSpan(Math.Max(0, diagnostics.Text.Length), 0)
            : TextSpan.FromBounds(offendingSymbol.StartIndex, offendingSymbol.StopIndex + 1);
        var expected = recognizer is Parser parser ? Describe(parser.GetExpectedTokens(), parser.Vocabulary) : "something else";
        diagnostics.Report(DiagnosticCatalog.UnexpectedToken, span, DescribeToken(offendingSymbol), expected);
    }

    private static string DescribeToken(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "end of file",
        MapLangLexer.IDENTIFIER => $"name '{token.Text}'",
        MapLangLexer.NUMBER => $"number {token.Text}",
        MapLangLexer.STRING_START => "string",
        _ => $"'{token.Text}'",
    };

    private static readonly int[] SoftKeywords =
    [
        MapLangLexer.MAP, MapLangLexer.USE, MapLangLexer.IMPORT, MapLangLexer.FROM, MapLangLexer.COLUMNS,
        MapLangLexer.TABLE, MapLangLexer.CONST, MapLangLexer.DEFAULT, MapLangLexer.LIST,
        MapLangLexer.FLOW, MapLangLexer.ON, MapLangLexer.WEBHOOK, MapLangLexer.SCHEDULE, MapLangLexer.ION, MapLangLexer.EVERY,
        MapLangLexer.AS, MapLangLexer.KEY, MapLangLexer.LOOKUP, MapLangLexer.FETCH, MapLangLexer.BY, MapLangLexer.CALL,
        MapLangLexer.WITH, MapLangLexer.INTO, MapLangLexer.FOR, MapLangLexer.EACH, MapLangLexer.IN, MapLangLexer.REPLY, MapLangLexer.TO,
    ];

    private static readonly int[] ExpressionStarts =
    [
        MapLangLexer.NUMBER, MapLangLexer.STRING_START, MapLangLexer.DATE_LITERAL, MapLangLexer.TRUE, MapLangLexer.FALSE,
        MapLangLexer.NULL, MapLangLexer.LPAREN, MapLangLexer.LBRACKET, MapLangLexer.IF, MapLangLexer.MATCH,
        MapLangLexer.MINUS, MapLangLexer.NOT,
    ];

    private static readonly int[] DeclarationStarts =
        [MapLangLexer.USE, MapLangLexer.IMPORT, MapLangLexer.CONST, MapLangLexer.TABLE, MapLangLexer.MAP, MapLangLexer.FLOW];

    private static string Describe(Antlr4.Runtime.Misc.IntervalSet expected, IVocabulary vocabulary)
    {
        var types = expected.ToArray().ToHashSet();
        var names = new List<string>();
        if (!types.Contains(MapLangLexer.IDENTIFIER) && DeclarationStarts.All(types.Contains))
        {
            names.Add("a declaration (use, import, const, table, map or flow)");
            types.ExceptWith(DeclarationStarts);
        }
        if (types.Contains(MapLangLexer.IDENTIFIER) && types.Overlaps(ExpressionStarts))
        {
            names.Add("an expression");
            types.ExceptWith(ExpressionStarts);
            types.ExceptWith(SoftKeywords);
            types.Remove(MapLangLexer.IDENTIFIER);
        }
        else if (types.Contains(MapLangLexer.IDENTIFIER))
        {
            names.Add("a name");
            types.ExceptWith(SoftKeywords);
            types.Remove(MapLangLexer.IDENTIFIER);
        }
        foreach (var type in types.Order())
            names.Add(type switch
            {
                TokenConstants.EOF => "end of file",
                MapLangLexer.STRING_START => "a string",
                _ => vocabulary.GetLiteralName(type) ?? vocabulary.GetDisplayName(type),
            });
        if (names.Count == 0) return "something else";
        return names.Count <= 5 ? JoinOr(names) : JoinOr([.. names.Take(5), "…"]);
    }

    private static string JoinOr(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];
}
