using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Services.Completion;

/// <summary>
/// The type of the expression that ends at a token, for completion after a dot. Works from what binding recorded
/// (names, fields) and follows calls of list operations, so <c>assignments.first()?.</c> knows its element.
/// </summary>
internal static class ReceiverTypes
{
    public static MapType? Before(DocumentAnalysis analysis, TokenNavigator tokens, int index, int depth = 0)
    {
        if (index < 0 || depth > 16) return null;
        var token = tokens[index];
        if (token.Kind is SyntaxTokenKind.Identifier or SyntaxTokenKind.Keyword)
        {
            var reference = analysis.Model.References.Where(r => r.Span == token.Span).Select(ReferenceTypes.TypeOf).FirstOrDefault(t => t is not null);
            return reference;
        }
        if (token.Text == ")")
        {
            var open = tokens.MatchingOpen(index);
            if (open < 2 || tokens[open - 1].Kind is not (SyntaxTokenKind.Identifier or SyntaxTokenKind.Keyword)) return null;
            var name = tokens[open - 1].Text;
            if (tokens[open - 2].Text is "." or "?.")
            {
                var receiver = Before(analysis, tokens, open - 3, depth + 1);
                if (receiver is not { Kind: TypeKind.List, Element: { } element }) return null;
                return name switch
                {
                    "first" => element.AsNullable(),
                    "filter" => receiver,
                    "min" or "max" => null,
                    _ => null,
                };
            }
            return analysis.Compilation.Options.Functions.Lookup(name).FirstOrDefault()?.ReturnType;
        }
        return null;
    }

    /// <summary>The element a list operation's argument sees, when the position is inside <c>list.filter(|)</c> and the like.</summary>
    public static MapType? ElementInScope(DocumentAnalysis analysis, TokenNavigator tokens, int index)
    {
        var open = tokens.UnclosedParenthesisBefore(index);
        if (open < 3 || tokens[open - 2].Text is not ("." or "?.")) return null;
        if (!CollectionOperations.TryGet(tokens[open - 1].Text, out _)) return null;
        return Before(analysis, tokens, open - 3) is { Kind: TypeKind.List, Element: { } element } ? element : null;
    }
}
