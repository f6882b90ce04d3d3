using Antlr4.Runtime;
using MapLang.Compiler.Parsing.Generated;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Parsing;

/// <summary>The token stream of a text, trivia included, for editor services (the syntax tree keeps no comments).</summary>
public static class Tokens
{
    public static IReadOnlyList<SyntaxToken> Tokenize(string text)
    {
        var lexer = new MapLangLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var result = new List<SyntaxToken>();
        for (var token = lexer.NextToken(); token.Type != TokenConstants.EOF; token = lexer.NextToken())
        {
            if (token.StopIndex < token.StartIndex) continue;
            result.Add(new SyntaxToken(KindOf(token.Type), token.Text, TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1)));
        }
        return result;
    }

    private static SyntaxTokenKind KindOf(int type) => type switch
    {
        MapLangLexer.IDENTIFIER => SyntaxTokenKind.Identifier,
        MapLangLexer.NUMBER => SyntaxTokenKind.Number,
        MapLangLexer.DATE_LITERAL => SyntaxTokenKind.Date,
        MapLangLexer.STRING_START or MapLangLexer.STRING_END or MapLangLexer.STRING_TEXT or MapLangLexer.STRING_ESCAPE
            or MapLangLexer.UNTERMINATED_STRING => SyntaxTokenKind.String,
        MapLangLexer.INTERPOLATION_START => SyntaxTokenKind.InterpolationStart,
        MapLangLexer.LINE_COMMENT or MapLangLexer.BLOCK_COMMENT => SyntaxTokenKind.Comment,
        MapLangLexer.WHITESPACE => SyntaxTokenKind.Whitespace,
        MapLangLexer.UNEXPECTED_CHARACTER => SyntaxTokenKind.BadCharacter,
        MapLangLexer.COMMA or MapLangLexer.COLON or MapLangLexer.LPAREN or MapLangLexer.RPAREN or MapLangLexer.LBRACKET
            or MapLangLexer.RBRACKET or MapLangLexer.LBRACE or MapLangLexer.RBRACE or MapLangLexer.DOT => SyntaxTokenKind.Punctuation,
        _ when IsWord(type) => SyntaxTokenKind.Keyword,
        _ => SyntaxTokenKind.Operator,
    };

    // Every keyword is a token whose literal is a word ('use', 'flow', …): new keywords need no change here.
    private static bool IsWord(int type) =>
        MapLangLexer.DefaultVocabulary.GetLiteralName(type) is { Length: > 2 } literal && char.IsLetter(literal[1]);
}
