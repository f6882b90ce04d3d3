namespace MapLang.Schemas.Parsing;

public enum TokenKind
{
    EndOfFile,
    Identifier,
    String,
    Number,
    OpenBrace,
    CloseBrace,
    OpenParen,
    CloseParen,
    Less,
    Greater,
    Colon,
    Comma,
    Dot,
    Question,
    Arrow,
    Bad,
}
