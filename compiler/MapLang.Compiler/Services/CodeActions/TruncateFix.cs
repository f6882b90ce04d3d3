using System.Globalization;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>ML3005: wraps the value in <c>truncate(value, N)</c> (the diagnostic carries the template).</summary>
internal static class TruncateFix
{
    public static IEnumerable<CodeAction> For(DocumentAnalysis analysis, Diagnostic diagnostic)
    {
        if (diagnostic.Code != "ML3005" || diagnostic.Suggestions.Count == 0) yield break;
        var value = analysis.Text[diagnostic.Span];
        var replacement = string.Format(CultureInfo.InvariantCulture, diagnostic.Suggestions[0], value);
        var title = "Wrap in " + string.Format(CultureInfo.InvariantCulture, diagnostic.Suggestions[0], "...");
        yield return new CodeAction(title, CodeActionKind.QuickFix, [new TextEdit(diagnostic.Span, replacement)], diagnostic, true);
    }
}
