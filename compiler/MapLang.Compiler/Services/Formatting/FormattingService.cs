using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Formatting;

/// <summary>Formatting as editors ask for it: one edit replacing the document, or none when it is already formatted or cannot be.</summary>
public static class FormattingService
{
    public static IReadOnlyList<TextEdit> Format(DocumentAnalysis analysis)
    {
        var formatted = Formatter.Format(analysis.Tree, analysis.Tokens);
        if (formatted is null || formatted == analysis.Text.Text) return [];
        return [new TextEdit(new TextSpan(0, analysis.Text.Length), formatted)];
    }
}
