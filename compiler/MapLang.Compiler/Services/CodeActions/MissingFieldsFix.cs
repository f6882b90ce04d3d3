using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Services.CodeActions;

/// <summary>
/// ML3002: assigns the missing required fields. A field whose source has a field of the same name takes it; the others get
/// <c>fail("…")</c>, which type-checks and stops the mapping with a clear message until someone maps them.
/// </summary>
internal static class MissingFieldsFix
{
    public static IEnumerable<CodeAction> For(DocumentAnalysis analysis, Diagnostic diagnostic)
    {
        if (diagnostic.Code != "ML3002" || diagnostic.Suggestions.Count == 0) yield break;
        var map = analysis.Tree.Root.Declarations.OfType<MapSyntax>().FirstOrDefault(m => m.Target.Span.Contains(diagnostic.Span));
        if (map is null) yield break;
        var source = MapContext.Resolve(analysis.Schemas, map.Source);
        var members = diagnostic.Suggestions.Select(field =>
            source?.SourceFields.FirstOrDefault(f => MatchingFieldsAction.SameName(f.Name, field)) is { } match
                ? $"{field} = {match.Name}"
                : $"{field} = fail(\"{field} is not mapped yet\")");
        if (MemberInsertion.AtEnd(analysis.Text, map, members) is not { } edit) yield break;
        var title = diagnostic.Suggestions.Count == 1 ? $"Add the required field {diagnostic.Suggestions[0]}" : $"Add the required fields {string.Join(", ", diagnostic.Suggestions)}";
        yield return new CodeAction(title, CodeActionKind.QuickFix, [edit], diagnostic, true);
    }
}
