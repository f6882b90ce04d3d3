using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

/// <summary>What a token is, at the grain editors need (highlighting, formatting, completion contexts).</summary>
public enum SyntaxTokenKind
{
    Keyword,
    Identifier,
    Number,
    Date,
    /// <summary>A piece of a string literal: the quotes, text, escapes (holes are their own tokens).</summary>
    String,
    /// <summary>The <c>{</c> that opens an interpolation hole inside a string.</summary>
    InterpolationStart,
    Operator,
    Punctuation,
    Comment,
    Whitespace,
    BadCharacter,
}

/// <summary>One token of a .map text, with trivia (whitespace, comments) kept as tokens of their own.</summary>
public sealed record SyntaxToken(SyntaxTokenKind Kind, string Text, TextSpan Span)
{
    public bool IsTrivia => Kind is SyntaxTokenKind.Whitespace or SyntaxTokenKind.Comment;
}
