using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Services.Hover;

/// <summary>
/// What the word under the cursor is: a field's type, length, required flag and description from the schema; a
/// function's signatures and docs; a local, constant, table or map; and for an M3 code binding could not place
/// (a misspelt target field, say), what M3 means by it.
/// </summary>
public static class HoverService
{
    public static HoverResult? GetHover(DocumentAnalysis analysis, int position)
    {
        var functions = analysis.Compilation.Options.Functions;
        if (analysis.Model.ReferenceAt(position) is { } reference)
        {
            var text = SymbolText.Describe(reference, functions);
            if (text.Length > 0) return new HoverResult(text, reference.Span);
        }

        var tokens = new TokenNavigator(analysis.Tokens);
        var index = tokens.At(position);
        if (index < 0 || tokens[index].Kind is not (SyntaxTokenKind.Identifier or SyntaxTokenKind.Keyword)) return null;
        var word = tokens[index];
        if (index > 0 && tokens[index - 1].Text is "." or "?." && CollectionOperations.TryGet(word.Text, out _))
            return new HoverResult($"**{word.Text}** (list operation)\n\n{CollectionOperations.Doc(word.Text)}", word.Span);
        if (M3Glossary.LooksLikeM3Field(word.Text) && M3Glossary.Meaning(analysis.Schemas, word.Text) is { } meaning)
            return new HoverResult($"**{word.Text}** — {meaning} (M3 field)", word.Span);
        return null;
    }
}
