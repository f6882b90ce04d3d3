namespace MapLang.Schemas.Parsing;

/// <param name="Value">For strings: the text without quotes, escapes resolved; otherwise the token's text.</param>
public readonly record struct Token(TokenKind Kind, int Start, int Length, string Value)
{
    public int End => Start + Length;

    public string Describe() => Kind switch
    {
        TokenKind.EndOfFile => "the end of the file",
        TokenKind.String => $"the string \"{Value}\"",
        TokenKind.Identifier => $"'{Value}'",
        TokenKind.Number => $"the number {Value}",
        _ => $"'{Value}'",
    };
}
