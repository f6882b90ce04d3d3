using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;
using MapLang.Schemas.Text;

namespace MapLang.Schemas.Parsing;

/// <summary>Splits a schema file into tokens; skips whitespace and comments; never throws.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly List<SchemaProblem> _problems;
    private int _pos;

    public Lexer(string text, LineMap lines, List<SchemaProblem> problems)
    {
        _text = text;
        _lines = lines;
        _problems = problems;
    }

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>(_text.Length / 6);
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfFile) return tokens;
        }
    }

    private Token Next()
    {
        SkipTrivia();
        if (_pos >= _text.Length) return new Token(TokenKind.EndOfFile, _text.Length, 0, "");
        var start = _pos;
        var c = _text[_pos];
        if (IsIdentStart(c))
        {
            while (_pos < _text.Length && IsIdentPart(_text[_pos])) _pos++;
            return new Token(TokenKind.Identifier, start, _pos - start, _text[start.._pos]);
        }
        if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos])) _pos++;
            return new Token(TokenKind.Number, start, _pos - start, _text[start.._pos]);
        }
        if (c == '"') return LexString();
        _pos++;
        switch (c)
        {
            case '{': return Simple(TokenKind.OpenBrace, start);
            case '}': return Simple(TokenKind.CloseBrace, start);
            case '(': return Simple(TokenKind.OpenParen, start);
            case ')': return Simple(TokenKind.CloseParen, start);
            case '<': return Simple(TokenKind.Less, start);
            case '>': return Simple(TokenKind.Greater, start);
            case ':': return Simple(TokenKind.Colon, start);
            case ',': return Simple(TokenKind.Comma, start);
            case '.': return Simple(TokenKind.Dot, start);
            case '?': return Simple(TokenKind.Question, start);
            case '-' when _pos < _text.Length && _text[_pos] == '>':
                _pos++;
                return Simple(TokenKind.Arrow, start);
        }
        if (char.IsHighSurrogate(c) && _pos < _text.Length && char.IsLowSurrogate(_text[_pos])) _pos++;
        _problems.Add(SchemaProblemCodes.InvalidCharacter.Create(_lines.Locate(start, _pos - start), _text[start.._pos]));
        return Simple(TokenKind.Bad, start);
    }

    private Token Simple(TokenKind kind, int start) => new(kind, start, _pos - start, _text[start.._pos]);

    private Token LexString()
    {
        var start = _pos;
        _pos++;
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] is '\n' or '\r')
            {
                _problems.Add(SchemaProblemCodes.UnterminatedString.Create(_lines.Locate(start, _pos - start)));
                return new Token(TokenKind.String, start, _pos - start, sb.ToString());
            }
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return new Token(TokenKind.String, start, _pos - start, sb.ToString());
            }
            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }
            var escStart = _pos;
            _pos++;
            var e = _pos < _text.Length ? _text[_pos] : '\0';
            switch (e)
            {
                case '"': sb.Append('"'); _pos++; break;
                case '\\': sb.Append('\\'); _pos++; break;
                case 'n': sb.Append('\n'); _pos++; break;
                case 't': sb.Append('\t'); _pos++; break;
                case 'u' when _pos + 4 < _text.Length && ushort.TryParse(_text.AsSpan(_pos + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    _pos += 5;
                    break;
                default:
                    var shown = e is '\0' or '\n' or '\r' ? "" : e.ToString();
                    _problems.Add(SchemaProblemCodes.InvalidEscape.Create(_lines.Locate(escStart, 1 + shown.Length), shown));
                    if (shown.Length > 0) _pos++;
                    break;
            }
        }
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r')) _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
            {
                var start = _pos;
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    _problems.Add(SchemaProblemCodes.UnterminatedComment.Create(_lines.Locate(start, 2)));
                    _pos = _text.Length;
                }
                else
                {
                    _pos = end + 2;
                }
            }
            else
            {
                return;
            }
        }
    }

    public static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    public static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public static bool IsIdentifier(string s) => s.Length > 0 && IsIdentStart(s[0]) && s.All(IsIdentPart);
}
