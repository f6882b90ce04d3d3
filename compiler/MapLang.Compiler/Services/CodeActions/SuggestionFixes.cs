using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>Quick fixes that replace the diagnostic's span: "did you mean" names, the real name of a misnomer, ?. for a possibly null member.</summary>
internal static class SuggestionFixes
{
    private static readonly HashSet<string> DidYouMean = new(StringComparer.Ordinal) { "ML2001", "ML2003", "ML2005", "ML2006", "ML2007", "ML2013", "ML3016" };

    public static IEnumerable<CodeAction> For(DocumentAnalysis analysis, Diagnostic diagnostic)
    {
        if (DidYouMean.Contains(diagnostic.Code))
        {
            for (var i = 0; i < diagnostic.Suggestions.Count; i++)
            {
                var suggestion = diagnostic.Suggestions[i];
                yield return new CodeAction($"Change to '{suggestion}'", CodeActionKind.QuickFix, [new TextEdit(diagnostic.Span, suggestion)], diagnostic, i == 0);
            }
        }
        else if (diagnostic.Code == "ML2004" && diagnostic.Suggestions.Count > 0)
        {
            var instead = diagnostic.Suggestions[0];
            yield return new CodeAction($"Use {instead}", CodeActionKind.QuickFix, [new TextEdit(diagnostic.Span, instead)], diagnostic, true);
        }
        else if (diagnostic.Code == "ML3008")
        {
            var text = analysis.Text.Text;
            var dot = diagnostic.Span.Start - 1;
            while (dot >= 0 && char.IsWhiteSpace(text[dot])) dot--;
            if (dot >= 0 && text[dot] == '.')
                yield return new CodeAction("Read it safely with ?.", CodeActionKind.QuickFix, [new TextEdit(new TextSpan(dot, 1), "?.")], diagnostic, true);
        }
    }
}
