using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>The fixes for the diagnostics touching a range, then the refactorings available there.</summary>
public static class CodeActionService
{
    public static IReadOnlyList<CodeAction> GetActions(DocumentAnalysis analysis, TextSpan range)
    {
        var actions = new List<CodeAction>();
        foreach (var diagnostic in analysis.Diagnostics)
        {
            var span = diagnostic.Span;
            if (span.End < range.Start || span.Start > range.End) continue;
            actions.AddRange(SuggestionFixes.For(analysis, diagnostic));
            actions.AddRange(UseConnectorFix.For(analysis, diagnostic));
            actions.AddRange(TruncateFix.For(analysis, diagnostic));
            actions.AddRange(MissingFieldsFix.For(analysis, diagnostic));
        }
        actions.AddRange(MatchingFieldsAction.For(analysis, range.Start));
        return actions;
    }
}
