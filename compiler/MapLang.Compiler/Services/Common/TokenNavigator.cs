using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Services.Common;

/// <summary>Walks the significant tokens (no whitespace, no comments) of a document around a position.</summary>
public sealed class TokenNavigator
{
    private readonly SyntaxToken[] _tokens;

    public TokenNavigator(IReadOnlyList<SyntaxToken> tokens) => _tokens = tokens.Where(t => !t.IsTrivia).ToArray();

    public int Count => _tokens.Length;
    public SyntaxToken this[int index] => _tokens[index];

    /// <summary>The index of the last token that ends at or before the position, or -1.</summary>
    public int LastEndingAtOrBefore(int position)
    {
        int lo = 0, hi = _tokens.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Span.End <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>The index of the token containing the position (or ending just at it), or -1.</summary>
    public int At(int position)
    {
        var i = LastEndingAtOrBefore(position);
        if (i + 1 < _tokens.Length && _tokens[i + 1].Span.Start < position) return i + 1;
        return i >= 0 && _tokens[i].Span.End == position ? i : -1;
    }

    /// <summary>The index of the bracket that opens the one at <paramref name="close"/>, or -1.</summary>
    public int MatchingOpen(int close)
    {
        var closeText = _tokens[close].Text;
        var openText = closeText switch { ")" => "(", "]" => "[", "}" => "{", _ => null };
        if (openText is null) return -1;
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (_tokens[i].Text == closeText && _tokens[i].Kind == SyntaxTokenKind.Punctuation) depth++;
            else if (_tokens[i].Text == openText && _tokens[i].Kind == SyntaxTokenKind.Punctuation && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The innermost '(' at or before <paramref name="index"/> that is not closed before it, or -1 (also when a brace or bracket opens first).</summary>
    public int UnclosedParenthesisBefore(int index)
    {
        var depth = 0;
        for (var i = index; i >= 0; i--)
        {
            var t = _tokens[i];
            var opens = t.Kind == SyntaxTokenKind.InterpolationStart || t.Kind == SyntaxTokenKind.Punctuation && t.Text is "(" or "[" or "{";
            var closes = t.Kind == SyntaxTokenKind.Punctuation && t.Text is ")" or "]" or "}";
            if (closes) depth++;
            else if (opens)
            {
                if (depth == 0) return t.Text == "(" ? i : -1;
                depth--;
            }
        }
        return -1;
    }

    private static readonly HashSet<string> ExpectsMore = new(StringComparer.Ordinal)
    {
        "use", "import", "const", "table", "from", "columns", "map", "let", "require", "if", "then", "else", "match", "case",
        "and", "or", "not", "flow", "on", "every", "as", "by", "call", "with", "into", "for", "each", "in", "to", "reply", "fetch",
    };

    public static bool EndsExpression(SyntaxToken token) => token.Kind switch
    {
        SyntaxTokenKind.Identifier or SyntaxTokenKind.Number or SyntaxTokenKind.Date => true,
        SyntaxTokenKind.String => token.Text == "\"",
        // Soft keywords (key, lookup, …) also name things; those that always expect more after them do not end anything.
        SyntaxTokenKind.Keyword => !ExpectsMore.Contains(token.Text),
        SyntaxTokenKind.Punctuation => token.Text is ")" or "]" or "}",
        _ => false,
    };
}
