using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;
using MapLang.Schemas.Syntax;
using MapLang.Schemas.Text;

namespace MapLang.Schemas.Parsing;

/// <summary>
/// Parses <c>.mlschema</c> text into syntax. Never throws on bad input: every mistake becomes an ML35xx problem
/// and parsing resumes at the next field or declaration.
/// </summary>
public sealed class SchemaParser
{
    private readonly string _filePath;
    private readonly LineMap _lines;
    private readonly List<SchemaProblem> _problems = [];
    private readonly List<Token> _tokens;
    private int _index;
    private int _lastErrorAt = -1;

    private SchemaParser(string text, string filePath)
    {
        _filePath = filePath;
        _lines = new LineMap(filePath, text);
        _tokens = new Lexer(text, _lines, _problems).Tokenize();
    }

    public static SchemaFileSyntax Parse(string text, string filePath) => new SchemaParser(text, filePath).ParseFile();

    private Token Current => _tokens[_index];

    private Token Peek(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Advance()
    {
        var t = _tokens[_index];
        if (_index < _tokens.Count - 1) _index++;
        return t;
    }

    private bool IsKeyword(string keyword) => IsKeyword(Current, keyword);

    private static bool IsKeyword(Token t, string keyword) => t.Kind == TokenKind.Identifier && t.Value == keyword;

    private SourceLocation Loc(Token t) => _lines.Locate(t.Start, t.Length);

    private SourceLocation Span(int start, int end) => _lines.Locate(start, end - start);

    private void Error(string expected)
    {
        // One syntax error per position: recovery must not cascade.
        if (_lastErrorAt == Current.Start) return;
        _lastErrorAt = Current.Start;
        _problems.Add(SchemaProblemCodes.UnexpectedToken.Create(Loc(Current), expected, Current.Describe()));
    }

    private bool Expect(TokenKind kind, string expected)
    {
        if (Current.Kind == kind)
        {
            Advance();
            return true;
        }
        Error(expected);
        return false;
    }

    private SchemaFileSyntax ParseFile()
    {
        SystemDeclarationSyntax? system = null;
        var declarations = new List<DeclarationSyntax>();
        var reportedMissingSystem = false;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            var before = _index;
            if (IsKeyword("system"))
            {
                var keyword = Advance();
                var name = ParseName("a system name");
                var description = OptionalString();
                if (system is null) system = new SystemDeclarationSyntax(name, description);
                else _problems.Add(SchemaProblemCodes.DuplicateSystem.Create(Span(keyword.Start, _tokens[_index - 1].End), system.Name.Text));
                continue;
            }
            var declaration = ParseDeclaration();
            if (declaration is not null)
            {
                if (system is null && !reportedMissingSystem)
                {
                    reportedMissingSystem = true;
                    _problems.Add(SchemaProblemCodes.MissingSystem.Create(Loc(_tokens[before])));
                }
                declarations.Add(declaration);
            }
            if (_index == before)
            {
                Error("'system', 'entity', 'enum', 'extend' or 'misnomer'");
                SkipToDeclaration();
            }
        }
        return new SchemaFileSyntax(_filePath, system, declarations, _problems);
    }

    private void SkipToDeclaration()
    {
        var depth = 0;
        Advance();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if (Current.Kind == TokenKind.OpenBrace) depth++;
            else if (Current.Kind == TokenKind.CloseBrace) depth = Math.Max(0, depth - 1);
            else if (depth == 0 && IsDeclarationStart()) return;
            Advance();
        }
    }

    private bool IsDeclarationStart() =>
        Current.Kind == TokenKind.Identifier && Current.Value is "system" or "entity" or "enum" or "extend" or "misnomer"
        && Peek(1).Kind is TokenKind.Identifier;

    private DeclarationSyntax? ParseDeclaration()
    {
        if (IsKeyword("entity")) { Advance(); return ParseEntity(isExtension: false); }
        if (IsKeyword("enum")) { Advance(); return ParseEnum(isExtension: false); }
        if (IsKeyword("misnomer")) { Advance(); return ParseMisnomer(); }
        if (IsKeyword("extend"))
        {
            Advance();
            if (IsKeyword("entity")) { Advance(); return ParseEntity(isExtension: true); }
            if (IsKeyword("enum")) { Advance(); return ParseEnum(isExtension: true); }
            Error("'entity' or 'enum' after 'extend'");
            return null;
        }
        return null;
    }

    private NameSyntax ParseName(string expected)
    {
        if (Current.Kind != TokenKind.Identifier)
        {
            Error(expected);
            return new NameSyntax("", _lines.Locate(Current.Start, 0));
        }
        var first = Advance();
        var end = first.End;
        var text = first.Value;
        while (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier && Current.Start == end)
        {
            Advance();
            var part = Advance();
            text += "." + part.Value;
            end = part.End;
        }
        return new NameSyntax(text, Span(first.Start, end));
    }

    private string? OptionalString() => Current.Kind == TokenKind.String ? Advance().Value : null;

    private EntityDeclarationSyntax ParseEntity(bool isExtension)
    {
        var name = ParseName("an entity name");
        var description = OptionalString();
        var writes = new List<NameSyntax>();
        if (IsKeyword("writes"))
        {
            Advance();
            writes.Add(ParseName("a transaction name"));
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                writes.Add(ParseName("a transaction name"));
            }
        }
        var reads = new List<NameSyntax>();
        if (IsKeyword("reads"))
        {
            Advance();
            reads.Add(ParseName("a transaction name"));
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                reads.Add(ParseName("a transaction name"));
            }
        }
        var fields = new List<FieldSyntax>();
        List<FieldSyntax>? output = null;
        if (!Expect(TokenKind.OpenBrace, "'{'"))
            return new EntityDeclarationSyntax(name, description, isExtension, writes, fields, output) { Reads = reads };
        while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile))
        {
            if (IsKeyword("output") && Peek(1).Kind == TokenKind.OpenBrace)
            {
                var keyword = Advance();
                Advance();
                var block = ParseFields(nested: true);
                Expect(TokenKind.CloseBrace, "'}' closing the output block");
                if (output is null) output = block;
                else
                {
                    _problems.Add(SchemaProblemCodes.DuplicateOutput.Create(Loc(keyword), name.Text));
                    output.AddRange(block);
                }
                continue;
            }
            var before = _index;
            ParseFieldInto(fields);
            if (_index == before)
            {
                if (IsDeclarationStart()) break;
                Error("a field ('name: type')");
                SkipToField();
            }
        }
        Expect(TokenKind.CloseBrace, "'}' closing the entity");
        return new EntityDeclarationSyntax(name, description, isExtension, writes, fields, output) { Reads = reads };
    }

    private List<FieldSyntax> ParseFields(bool nested)
    {
        var fields = new List<FieldSyntax>();
        while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile))
        {
            var before = _index;
            ParseFieldInto(fields);
            if (_index == before)
            {
                if (IsDeclarationStart() || (nested && IsKeyword("output") && Peek(1).Kind == TokenKind.OpenBrace)) break;
                Error("a field ('name: type')");
                SkipToField();
            }
        }
        return fields;
    }

    private bool IsFieldStart() =>
        (Current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Colon)
        || (Current.Kind == TokenKind.String && IsKeyword(Peek(1), "as"));

    /// <summary>Skips to the next token that can start a field, or to the closing brace.</summary>
    private void SkipToField()
    {
        Advance();
        while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile) && !IsFieldStart())
        {
            if (Current.Kind == TokenKind.OpenBrace)
            {
                if (IsDeclarationStart()) return;
                var depth = 0;
                do
                {
                    if (Current.Kind == TokenKind.OpenBrace) depth++;
                    else if (Current.Kind == TokenKind.CloseBrace) depth--;
                    Advance();
                }
                while (depth > 0 && Current.Kind != TokenKind.EndOfFile);
                continue;
            }
            if (IsDeclarationStart()) return;
            Advance();
        }
    }

    private void ParseFieldInto(List<FieldSyntax> fields)
    {
        string? jsonName = null;
        if (Current.Kind == TokenKind.String && IsKeyword(Peek(1), "as"))
        {
            jsonName = Advance().Value;
            Advance();
        }
        else if (!(Current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Colon))
        {
            return;
        }
        var name = ParseName("a field name");
        if (!Expect(TokenKind.Colon, "':' after the field name"))
        {
            SkipToField();
            return;
        }
        var type = ParseType();
        var nullable = false;
        var required = false;
        while (true)
        {
            if (Current.Kind == TokenKind.Question && !nullable) { Advance(); nullable = true; }
            else if (IsKeyword("required") && !required && Peek(1).Kind != TokenKind.Colon) { Advance(); required = true; }
            else break;
        }
        // A string followed by 'as' is the wire name of the next field, not this field's description.
        var description = Current.Kind == TokenKind.String && !IsKeyword(Peek(1), "as") ? Advance().Value : null;
        fields.Add(new FieldSyntax(name, jsonName, type, nullable, required, description));
        if (!IsFieldStart() && Current.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile)
            && !(IsKeyword("output") && Peek(1).Kind == TokenKind.OpenBrace) && !IsDeclarationStart())
        {
            Error("the next field or '}'");
            SkipToField();
        }
    }

    private TypeSyntax ParseType()
    {
        var start = Current.Start;
        var name = ParseName("a type");
        var typeArguments = new List<TypeSyntax>();
        List<TypeArgumentSyntax>? arguments = null;
        if (!name.IsMissing && Current.Kind == TokenKind.Less)
        {
            Advance();
            typeArguments.Add(ParseType());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                typeArguments.Add(ParseType());
            }
            Expect(TokenKind.Greater, "'>'");
        }
        if (!name.IsMissing && Current.Kind == TokenKind.OpenParen)
        {
            Advance();
            arguments = [];
            while (Current.Kind is TokenKind.Number or TokenKind.String)
            {
                var t = Advance();
                arguments.Add(new TypeArgumentSyntax(t.Value, t.Kind == TokenKind.Number, Loc(t)));
                if (Current.Kind != TokenKind.Comma) break;
                Advance();
            }
            Expect(TokenKind.CloseParen, "a number, a string or ')'");
        }
        var end = _index > 0 ? Math.Max(_tokens[_index - 1].End, start) : start;
        return new TypeSyntax(name, typeArguments, arguments, Span(start, end));
    }

    private EnumDeclarationSyntax ParseEnum(bool isExtension)
    {
        var name = ParseName("an enum name");
        var description = OptionalString();
        var members = new List<EnumMemberSyntax>();
        if (!Expect(TokenKind.OpenBrace, "'{'"))
            return new EnumDeclarationSyntax(name, description, isExtension, members);
        while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile))
        {
            if (Current.Kind is TokenKind.String or TokenKind.Number)
            {
                var value = Advance();
                string? label = null;
                if (Current.Kind == TokenKind.Colon)
                {
                    Advance();
                    if (Current.Kind == TokenKind.String) label = Advance().Value;
                    else Error("a label string after ':'");
                }
                members.Add(new EnumMemberSyntax(value.Value, value.Kind == TokenKind.Number, label, Loc(value)));
                if (Current.Kind == TokenKind.Comma) Advance();
                continue;
            }
            if (IsDeclarationStart()) break;
            Error("an enum value (a string or a number) or '}'");
            Advance();
        }
        Expect(TokenKind.CloseBrace, "'}' closing the enum");
        return new EnumDeclarationSyntax(name, description, isExtension, members);
    }

    private MisnomerDeclarationSyntax ParseMisnomer()
    {
        var name = ParseName("the misnamed entity or program");
        Expect(TokenKind.Arrow, "'->'");
        var instead = ParseName("the real entity or program");
        var explanation = "";
        if (Current.Kind == TokenKind.String) explanation = Advance().Value;
        else Error("an explanation string");
        return new MisnomerDeclarationSyntax(name, instead, explanation);
    }
}
