using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>ML2002: adds <c>use X</c> after the file's last use line (or at the top).</summary>
internal static class UseConnectorFix
{
    public static IEnumerable<CodeAction> For(DocumentAnalysis analysis, Diagnostic diagnostic)
    {
        if (diagnostic.Code != "ML2002" || diagnostic.Suggestions.Count == 0) yield break;
        var line = diagnostic.Suggestions[0];
        var lastUse = analysis.Tree.Root.Declarations.OfType<UseSyntax>().LastOrDefault();
        var edit = lastUse is null
            ? new TextEdit(new TextSpan(0, 0), line + "\n")
            : new TextEdit(new TextSpan(lastUse.Span.End, 0), "\n" + line);
        yield return new CodeAction($"Add `{line}`", CodeActionKind.QuickFix, [edit], diagnostic, true);
    }
}
